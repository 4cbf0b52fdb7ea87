import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { KIND_LABELS, type ImportKind } from '../../import-kinds';
import { runFile, type Warehouse } from '../warehouse';
import { CsvHeader } from './csv';
import type { LoadContext, LoadCounts } from './context';
import { isBenchmarks, loadBenchmarks } from './benchmarks';
import { isCtf, loadCtf } from './ctf';
import { preflight, type TextFile } from './preflight';
import { ImportRejected, reject } from './problems';
import { isLongRegister, loadLongRegister } from './register-long';
import { isWideRegister, loadWideRegister } from './register-wide';
import {
	isInterventions,
	isPupils,
	isSchools,
	isTermDates,
	loadInterventions,
	loadPupils,
	loadSchools,
	loadTermDates
} from './reference-files';

export { ImportRejected, formatProblem, type Problem } from './problems';

export { KIND_LABELS, type ImportKind } from '../../import-kinds';

export type ImportStage = 'reading' | 'checking' | 'merging' | 'done';

export interface ImportOptions {
	/** The school the file is for, when it has no URN column (created if new). */
	school?: number | null;
	/** The name to use in messages (an upload's original name); defaults to the file's base name. */
	name?: string;
	onProgress?: (stage: ImportStage, fraction: number) => void;
}

export interface ImportResult extends LoadCounts {
	file: string;
	kind: ImportKind;
	/** 'loaded': the file landed; 'identical': the same content was imported before, nothing changed. */
	status: 'loaded' | 'identical';
	importId: number;
	warnings: string[];
	message: string;
}

/** Decides what a file is from its content (never its name). */
export async function detectKind(file: TextFile): Promise<{ kind: ImportKind; header?: CsvHeader }> {
	const handle = await open(file.path, 'r');
	const head = Buffer.alloc(Math.min(file.bytes, 4096));
	await handle.read(head, 0, head.length, 0);
	await handle.close();
	if (isCtf(file.firstLine, head.toString('utf8'))) return { kind: 'ctf' };
	if (/^\s*</.test(file.firstLine)) reject(file.name, 'this XML file is not a Common Transfer File (no <CTfile> element)', 1);
	const header = CsvHeader.parse(file.firstLine);
	const kinds: [ImportKind, (h: CsvHeader) => boolean][] = [
		['register-long', isLongRegister],
		['register-wide', isWideRegister],
		['term-dates', isTermDates],
		['interventions', isInterventions],
		['pupils', isPupils],
		['schools', isSchools],
		['benchmarks', isBenchmarks]
	];
	for (const [kind, test] of kinds) if (test(header)) return { kind, header };
	return reject(
		file.name,
		`cannot tell what this file is from its header (${header.cells.slice(0, 8).join(', ')}${header.cells.length > 8 ? ', …' : ''}): ` +
			'a register needs UPN, Date, Session and Mark columns (or UPN and one column per date); ' +
			'pupils need UPN and characteristics; interventions UPN, Type and StartDate; term dates half_term, start_date and end_date; ' +
			'benchmark figures period, time_identifier, geographic_level, area, school_type, breakdown, breakdown_value, measure, value_percent and source',
		1
	);
}

const LOADERS: Record<ImportKind, (ctx: LoadContext, header: CsvHeader) => Promise<LoadCounts>> = {
	'register-long': loadLongRegister,
	'register-wide': loadWideRegister,
	ctf: (ctx) => loadCtf(ctx),
	pupils: loadPupils,
	interventions: loadInterventions,
	'term-dates': loadTermDates,
	schools: loadSchools,
	benchmarks: loadBenchmarks
};

const queues = new WeakMap<Warehouse, Promise<unknown>>();

/** Imports run one at a time per warehouse: each is a transaction that must see the last one's result. */
function serialised<T>(warehouse: Warehouse, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(warehouse) ?? Promise.resolve();
	const next = previous.then(work, work);
	queues.set(warehouse, next.catch(() => undefined));
	return next;
}

/**
 * Imports one file of any supported kind in one transaction: it lands whole or not at all. A file
 * with problems is rejected with an ImportRejected naming the file, line (or pupil) and reason.
 */
export function importFile(warehouse: Warehouse, path: string, options: ImportOptions = {}): Promise<ImportResult> {
	return serialised(warehouse, async () => {
		const name = options.name ?? basename(path);
		const progress = options.onProgress ?? (() => {});
		const file = await preflight(path, name, (f) => progress('reading', f));
		const { kind, header } = await detectKind(file);
		const [identical] = await warehouse.query('ingest/find_identical_import', { sha256: file.sha256 });
		if (identical) {
			progress('done', 1);
			return {
				file: name,
				kind,
				status: 'identical',
				importId: identical.import_id as number,
				rowsRead: 0,
				added: 0,
				amended: 0,
				unchanged: 0,
				unit: kind.startsWith('register') || kind === 'ctf' ? 'marks' : 'rows',
				warnings: [],
				message: `${name} is identical to import #${identical.import_id} (${identical.file_name}, ${identical.finished_at}): nothing changed`
			};
		}
		const startedAt = new Date().toISOString();
		const result = await warehouse.transaction(async (conn) => {
			const [{ import_id }] = await runFile(conn, 'ingest/begin_import', {
				file_name: name,
				sha256: file.sha256,
				kind,
				school: options.school ?? null,
				started_at: startedAt
			});
			const ctx: LoadContext = {
				conn,
				file,
				importId: import_id as number,
				school: options.school ?? null,
				changedAt: startedAt,
				stage: (stage) => progress(stage, 0),
				warnings: []
			};
			const counts = await LOADERS[kind](ctx, header as CsvHeader);
			const message = summary(name, kind, counts);
			await runFile(conn, 'ingest/finish_import', {
				import_id: import_id as number,
				rows_read: counts.rowsRead,
				added: counts.added,
				amended: counts.amended,
				unchanged: counts.unchanged,
				message,
				finished_at: new Date().toISOString()
			});
			return { ...counts, file: name, kind, status: 'loaded' as const, importId: import_id as number, warnings: ctx.warnings, message };
		});
		progress('done', 1);
		return result;
	});
}

function summary(name: string, kind: ImportKind, c: LoadCounts): string {
	return `${name} (${KIND_LABELS[kind]}): ${c.rowsRead} rows read, ${c.added} ${c.unit} added, ${c.amended} amended, ${c.unchanged} unchanged`;
}

export function isImportRejected(error: unknown): error is ImportRejected {
	return error instanceof ImportRejected;
}
