// npm run bench [-- --marks N]: imports N long-format marks (default 1,000,000) into a fresh warehouse
// through the real import path, then times each report (median of warm runs). Prints a table and
// writes it as JSON under bench/results/.
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importFile } from '../src/lib/server/ingest';
import { REPORTS, runReport, type ReportName } from '../src/lib/server/reports';
import { Warehouse } from '../src/lib/server/warehouse';

const { values } = parseArgs({ options: { marks: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '5' } } });
const target = Number(values.marks);
const runs = Number(values.runs);

function upn(n: number): string {
	const digits = `8734021${String(n).padStart(5, '0')}`;
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i + 2);
	return 'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23] + digits;
}

/** School days from 4 Sep 2023, weekdays only, as many as needed. */
function schoolDays(count: number): string[] {
	const days: string[] = [];
	for (let t = Date.UTC(2023, 8, 4); days.length < count; t += 86_400_000) {
		const d = new Date(t);
		if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !(d.getUTCMonth() === 7)) days.push(d.toISOString().slice(0, 10));
	}
	return days;
}

async function writeRegister(path: string, marks: number): Promise<number> {
	const sessionsPerPupil = 380;
	const pupils = Math.ceil(marks / sessionsPerPupil);
	const days = schoolDays(sessionsPerPupil / 2);
	const out = createWriteStream(path);
	out.write('UPN,Date,Session,Mark\n');
	let written = 0;
	let seed = 1;
	const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	for (const date of days) {
		const absent = date >= '2024-08-19' ? ['I', 'I', 'M', 'O', 'G', 'N'] : ['I', 'I', 'M', 'O', 'H', 'N'];
		let chunk = '';
		for (let p = 0; p < pupils && written < marks; p++) {
			const code = rand() < 0.07 ? absent[Math.floor(rand() * absent.length)] : '';
			chunk += `${upn(p)},${date},AM,${code || '/'}\n`;
			written++;
			if (written < marks) {
				chunk += `${upn(p)},${date},PM,${code || '\\'}\n`;
				written++;
			}
		}
		if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
	}
	await new Promise<void>((r) => out.end(() => r()));
	return written;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'lens-bench-'));
try {
	const csv = join(dir, 'register.csv');
	const marks = await writeRegister(csv, target);
	const warehouse = await Warehouse.open(join(dir, 'bench.duckdb'));
	const started = performance.now();
	const result = await importFile(warehouse, csv, { school: 100001 });
	const importSeconds = (performance.now() - started) / 1000;
	await warehouse.checkpoint();
	const rows: { measure: string; value: string }[] = [
		{ measure: 'marks imported', value: result.added.toLocaleString('en-GB') },
		{ measure: 'import time (s)', value: importSeconds.toFixed(2) },
		{ measure: 'import rate (marks/s)', value: Math.round(marks / importSeconds).toLocaleString('en-GB') },
		{ measure: 'CSV size (MB)', value: (statSync(csv).size / 1e6).toFixed(1) },
		{ measure: 'warehouse size (MB)', value: (statSync(join(dir, 'bench.duckdb')).size / 1e6).toFixed(1) }
	];
	let t = performance.now();
	await importFile(warehouse, csv, { school: 100001 });
	rows.push({ measure: 're-import of the same file: identical, skipped (s)', value: ((performance.now() - t) / 1000).toFixed(2) });
	const copy = join(dir, 'register-copy.csv');
	writeFileSync(copy, readFileSync(csv, 'utf8') + '\n'); // the same marks, another file
	t = performance.now();
	const unchanged = await importFile(warehouse, copy, { school: 100001 });
	rows.push({ measure: `the same marks in another file: ${unchanged.unchanged.toLocaleString('en-GB')} unchanged (s)`, value: ((performance.now() - t) / 1000).toFixed(2) });
	for (const name of Object.keys(REPORTS) as ReportName[]) {
		const times: number[] = [];
		for (let i = 0; i < runs + 1; i++) {
			const t = performance.now();
			await runReport(warehouse, name, { from: '2023-09-01', to: '2024-08-31' });
			if (i > 0) times.push(performance.now() - t);
		}
		rows.push({ measure: `report ${name} (ms, median of ${runs} warm)`, value: median(times).toFixed(1) });
	}
	rows.push({ measure: 'peak RSS (MB)', value: (process.resourceUsage().maxRSS / 1024).toFixed(0) });
	console.table(rows);
	mkdirSync('bench/results', { recursive: true });
	const file = `bench/results/import-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
	writeFileSync(file, JSON.stringify({ marks, rows }, null, 2));
	console.log(`written ${file}`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
