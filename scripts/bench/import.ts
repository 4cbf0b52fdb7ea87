// The import half of the benchmark, run in a process of its own (DuckDB lets one process at a time
// open a warehouse file, and its peak memory is the import's own): generates the demo trust sized to
// the marks wanted, imports every file through importFile into a fresh warehouse, and writes what it
// measured as JSON to --out.
//   tsx scripts/bench/import.ts --marks N --dir DIR --out FILE [--reuse] [--one-by-one]
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importFile, type ImportStage } from '../../src/lib/server/ingest';
import { Warehouse } from '../../src/lib/server/warehouse';
import { generateDemo } from '../demo/generate';
import { demoSizeFor } from './sizes';

const { values } = parseArgs({
	options: {
		marks: { type: 'string' },
		dir: { type: 'string' },
		out: { type: 'string' },
		reuse: { type: 'boolean', default: false },
		// each import is told the file that follows (ImportOptions.next), which is read while it merges
		// --one-by-one: each file on its own, the next not read ahead (the command line and the demo read ahead)
		'one-by-one': { type: 'boolean', default: false }
	}
});
const marksWanted = Number(values.marks);
const dir = values.dir!;
const csvDir = join(dir, 'csv');
const db = join(dir, 'warehouse.duckdb');
const size = demoSizeFor(marksWanted);

const t0 = performance.now();
const demo = values.reuse && existsSync(join(dir, 'files.json'))
	? null
	: await generateDemo(csvDir, { pupils: size.pupils, schools: size.schools, seed: 2024 });
const generateSeconds = (performance.now() - t0) / 1000;
// the files in the order they must be imported (kept beside them for --reuse)
const manifest = join(dir, 'files.json');
if (demo) writeFileSync(manifest, JSON.stringify(demo.files));
const files: string[] = JSON.parse(readFileSync(manifest, 'utf8'));
const csvBytes = files.reduce((n, f) => n + statSync(f).size, 0);

rmSync(db, { force: true });
rmSync(`${db}.wal`, { force: true });
const warehouse = await Warehouse.open(db);
/**
 * Seconds per stage of the import, summed over the files: reading (preflight and read_csv), checking, merging.
 * A long register is read by DuckDB (staged) while the preflight reads it: its `preflight` is the first pass,
 * with the staging alongside; `read_csv` what is left before the checks; `checking` waits for the rest of
 * the staging (read, typed, checked); `merging` is the transaction, to its commit.
 */
const stages: Record<string, number> = { preflight: 0, read_csv: 0, checking: 0, merging: 0 };
let registerSeconds = 0;
let registerMarks = 0;
let marks = 0;
const failures: string[] = [];
const started = performance.now();
const cpuStarted = process.cpuUsage();
for (const [i, file] of files.entries()) {
	const nextFile = values['one-by-one'] ? undefined : files[i + 1];
	let stage: string = 'preflight';
	let at = performance.now();
	const onProgress = (next: ImportStage, fraction: number) => {
		// 'reading' ends at fraction 1 when the preflight has read the whole file; read_csv follows
		const name = next === 'reading' ? (fraction >= 1 ? 'read_csv' : 'preflight') : next;
		if (name === stage || next === 'done') return;
		const now = performance.now();
		stages[stage] = (stages[stage] ?? 0) + (now - at) / 1000;
		stage = name;
		at = now;
	};
	const t = performance.now();
	let result;
	try {
		result = await importFile(warehouse, file, { onProgress, next: nextFile });
	} catch (error) {
		// registers must land; another kind of file failing is reported, not fatal
		if (/register-/.test(file)) throw error;
		failures.push(`${file}: ${String((error as Error).message).split('\n')[0]}`);
		continue;
	}
	const now = performance.now();
	stages[stage] = (stages[stage] ?? 0) + (now - at) / 1000;
	if (result.unit === 'marks') {
		registerSeconds += (now - t) / 1000;
		registerMarks += result.added + result.amended + result.unchanged;
		marks += result.added;
	}
}
const importSeconds = (performance.now() - started) / 1000;
// CPU time of all threads: steadier than the wall clock on a machine shared with other work
const cpu = process.cpuUsage(cpuStarted);
const importCpuSeconds = (cpu.user + cpu.system) / 1e6;
const t1 = performance.now();
await warehouse.checkpoint();
const checkpointSeconds = (performance.now() - t1) / 1000;
const [{ n }] = await warehouse.read('bench/count_marks');

const result = {
	marks_wanted: marksWanted,
	pupils: size.pupils,
	schools: size.schools,
	files: files.length,
	marks: n as number,
	generate_seconds: generateSeconds,
	import_seconds: importSeconds,
	import_cpu_seconds: importCpuSeconds,
	register_seconds: registerSeconds,
	register_marks: registerMarks,
	checkpoint_seconds: checkpointSeconds,
	read_ahead: !values['one-by-one'],
	stages,
	csv_bytes: csvBytes,
	warehouse_bytes: statSync(db).size + (existsSync(`${db}.wal`) ? statSync(`${db}.wal`).size : 0),
	failures,
	peak_rss_bytes: process.resourceUsage().maxRSS * 1024
};
writeFileSync(values.out!, JSON.stringify(result, null, 2));
process.exit(0);
