import { existsSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { importFile, isImportRejected, type ImportResult, type ImportStage } from '../../src/lib/server/ingest';
import { openWarehouse, schoolOption } from './common';

const STAGE_SHARE: Record<ImportStage, [number, number]> = {
	reading: [0, 0.3],
	checking: [0.3, 0.6],
	merging: [0.6, 0.95],
	done: [1, 1]
};

export async function mainImport(files: string[], values: { db?: string; school?: string }): Promise<number> {
	if (files.length === 0) {
		console.error('import needs at least one FILE');
		return 2;
	}
	const missing = files.filter((f) => !existsSync(f));
	if (missing.length) {
		console.error(`no such file: ${missing.join(', ')}`);
		return 2;
	}
	const school = schoolOption(values.school);
	const warehouse = await openWarehouse(values.db);
	const tty = process.stderr.isTTY;
	const bar = tty
		? new cliProgress.SingleBar(
				{ format: ' {bar} {percentage}% | {file} | {stage}', hideCursor: true, clearOnComplete: true, stream: process.stderr },
				cliProgress.Presets.shades_classic
			)
		: null;
	const totals = { rows: 0, added: 0, amended: 0, unchanged: 0, rejected: 0, identical: 0 };
	let failed = 0;
	for (const [i, path] of files.entries()) {
		bar?.start(100, 0, { file: `${path} (${i + 1}/${files.length})`, stage: 'reading' });
		let lastStage: ImportStage | undefined;
		try {
			const result: ImportResult = await importFile(warehouse, path, {
				school,
				// the next file is read and checked while this one merges
				next: files[i + 1],
				onProgress: (stage, fraction) => {
					const [from, to] = STAGE_SHARE[stage];
					bar?.update(Math.round(100 * (from + (to - from) * fraction)), { stage });
					// ATTENDANCE_PROGRESS=1: each stage on stderr as it starts (logs; the reliability kill test)
					if (process.env.ATTENDANCE_PROGRESS && (stage !== lastStage || (stage === 'reading' && fraction === 1)))
						console.error(`progress: ${(lastStage = stage)}${stage === 'reading' && fraction === 1 ? ' done' : ''}`);
				}
			});
			bar?.stop();
			console.log(result.message);
			for (const w of result.warnings.slice(0, 10)) console.log(`  warning: ${w}`);
			if (result.warnings.length > 10) console.log(`  … and ${result.warnings.length - 10} more warnings`);
			totals.rows += result.rowsRead;
			totals.added += result.added;
			totals.amended += result.amended;
			totals.unchanged += result.unchanged;
			if (result.status === 'identical') totals.identical++;
		} catch (error) {
			bar?.stop();
			failed++;
			if (isImportRejected(error)) {
				console.error(error.message);
				totals.rejected += 1;
			} else console.error(`${path}: ${(error as Error).message}`);
		}
	}
	await warehouse.checkpoint();
	const identical = totals.identical ? `, ${totals.identical} file${totals.identical === 1 ? '' : 's'} identical to an earlier import` : '';
	console.log(
		`${files.length} file${files.length === 1 ? '' : 's'}: ${totals.rows} rows read, ${totals.added} added, ${totals.amended} amended, ${totals.unchanged} unchanged, ${totals.rejected} file${totals.rejected === 1 ? "" : "s"} rejected${identical}`
	);
	return failed ? 1 : 0;
}
