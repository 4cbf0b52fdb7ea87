// npm run bench [-- --size 10M] [--runs 5] [--sqlite on|off|auto] [--http on|off|auto] [--direct on|off] [--dir DIR] [--reuse] [--keep]
//
// The benchmark of issue 9, in three processes so that each one's memory is its own:
//  1. import (scripts/bench/import.ts): generates the demo trust sized to the marks wanted (streamed to
//     disk) and imports every file through importFile into a fresh warehouse: time, marks/s, peak RSS,
//     warehouse size against the CSV's;
//  2. HTTP: serves the built app (node build) on the warehouse and times every data endpoint behind the
//     dashboard and the casework lists (every dataset of src/lib/server/datasets and every list), the
//     median of warm runs;
//  3. direct: the same SQL with the same parameters run straight on DuckDB in this process (the ratio of
//     the two is the app's overhead), then the SQLite baseline: the same data and indexes in
//     better-sqlite3 and a representative set of the views translated by hand (sql/bench/sqlite/).
// Prints a table and writes everything as JSON under bench/results/.
import { withRawConnection } from './dev/raw';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { parseSize, sizeLabel } from './bench/sizes';
import { benchUser, signIn } from './bench/auth';

const { values } = parseArgs({
	options: {
		size: { type: 'string' },
		marks: { type: 'string' }, // the old name of --size
		runs: { type: 'string', default: '5' },
		'sqlite-runs': { type: 'string', default: '3' },
		sqlite: { type: 'string', default: 'auto' },
		http: { type: 'string', default: 'auto' },
		direct: { type: 'string', default: 'on' },
		port: { type: 'string', default: '4193' },
		dir: { type: 'string' },
		reuse: { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
		results: { type: 'string', default: 'bench/results' }
	}
});
const marksWanted = parseSize(values.size ?? values.marks ?? '1M');
const label = sizeLabel(marksWanted);
const runs = Number(values.runs);
const sqliteRuns = Number(values['sqlite-runs']);
const dir = resolve(values.dir ?? join('/tmp/perf-data', label));
const db = join(dir, 'warehouse.duckdb');
const base = `http://127.0.0.1:${values.port}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);

// ---------------------------------------------------------------------------------------------
// 1. Import, in a child process
mkdirSync(dir, { recursive: true });
const importJson = join(dir, 'import.json');
if (!(values.reuse && existsSync(importJson) && existsSync(db))) {
	log(`generating and importing ${label} marks into ${db}`);
	const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/import.ts', '--marks', String(marksWanted), '--dir', dir, '--out', importJson, ...(values.reuse ? ['--reuse'] : [])], { stdio: 'inherit' });
	if (child.status !== 0) throw new Error('the import failed');
}
const imported = JSON.parse(readFileSync(importJson, 'utf8'));
log(`imported ${imported.marks} marks in ${imported.import_seconds.toFixed(1)} s`);

// ---------------------------------------------------------------------------------------------
// The endpoints: every dataset registry of src/lib/server/datasets, every list and its count
interface Endpoint {
	view: string;
	name: string;
	path: string;
	/** The same work run straight on DuckDB in this process. */
	direct: (conn: DuckDBConnection) => Promise<unknown>;
}
/** Datasets that need a parameter to say anything (the rest take the filters alone). */
const EXTRA: Record<string, string> = { 'cohorts/pupils': 'dimension=fsm&value=FSM%20eligible' };
/** Further variants the pages ask for (and the SQLite comparisons use). */
const VARIANTS: Record<string, string[]> = {
	'cohorts/by_dimension': ['dimension=fsm'],
	'overview/periods': ['grains=half_term'],
	'patterns/weekday': ['split=fsm']
};

const { Warehouse, sqlText } = await import('../src/lib/server/warehouse');
const { resolveFilters, filterParams } = await import('../src/lib/server/filters');
const { filteredList, LISTS } = await import('../src/lib/server/lists');
const { DATASETS } = await import('../src/lib/catalog/datasets');
const { datasetParams } = await import('../src/lib/server/respond');

/** The signed-in user of the direct runs: an admin, as the HTTP runs sign in. */
const BENCH_ADMIN = { id: 0, name: 'bench-admin', role: 'admin', schools: null, pupilAccess: true } as const;

/** Runs an SQL file's statements on DuckDB and reads their results whole, as the app does, without turning them into rows. */
async function runRaw(conn: DuckDBConnection, name: string, params: Record<string, unknown>) {
	const text = sqlText(name);
	const statements = await conn.extractStatements(text);
	for (let i = 0; i < statements.count; i++) {
		const prepared = await statements.prepare(i);
		const bound: Record<string, DuckDBValue> = {};
		for (let p = 1; p <= prepared.parameterCount; p++) {
			const key = prepared.parameterName(p);
			bound[key] = (params[key] ?? null) as DuckDBValue;
		}
		if (prepared.parameterCount > 0) prepared.bind(bound);
		await prepared.runAndReadAll();
	}
}

async function endpoints(warehouse: import('../src/lib/server/warehouse').Warehouse, pupilUpn: string | null): Promise<Endpoint[]> {
	const list: Endpoint[] = [];
	for (const [view, registry] of Object.entries(DATASETS).sort(([a], [b]) => a.localeCompare(b))) {
		{
			for (const [name, dataset] of Object.entries(registry as Record<string, import('../src/lib/catalog/define').DatasetDefinition>)) {
				const source = dataset.source;
				if (!('sql' in source)) continue;
				let path: string;
				if (view === 'pupil') {
					if (!pupilUpn) continue;
					path = `/api/pupil/${pupilUpn}/${name}`;
				} else if (existsSync(`src/routes/api/${view}/[dataset]/+server.ts`)) path = `/api/${view}/${name}`;
				else continue; // a registry no endpoint serves (yet)
				const extra = EXTRA[`${view}/${name}`];
				for (const query of [extra, ...(VARIANTS[`${view}/${name}`] ?? [])]) {
					const full = query ? `${path}?${query}` : path;
					const url = new URL(full, base);
					const direct = async (conn: DuckDBConnection) => {
						const filters = await resolveFilters(url, warehouse, BENCH_ADMIN);
						await runRaw(conn, source.sql, { ...filterParams(filters), ...datasetParams(dataset, { url, params: {} }) });
					};
					list.push({ view, name: query ? `${name}?${query}` : name, path: full, direct });
				}
			}
		}
	}
	for (const name of Object.keys(LISTS) as (keyof typeof LISTS)[]) {
		for (const count of [false, true]) {
			const path = `/api/lists/${name}${count ? '/count' : ''}`;
			const url = new URL(path, base);
			list.push({ view: 'lists', name: `${name}${count ? ' (count)' : ''}`, path, direct: () => filteredList(warehouse, name, url, !count) });
		}
	}
	return list;
}

// ---------------------------------------------------------------------------------------------
// 2. HTTP, through the built app in its own process
interface Timing {
	view: string;
	name: string;
	path: string;
	http_ms: number | null;
	server_db_ms: number | null;
	direct_ms: number | null;
	rows_bytes: number | null;
}
const timings: Timing[] = [];
let serverPeakRss: number | null = null;
let httpNote = '';
/** What is measured so far, written as it goes (a long run that is stopped keeps its numbers). */
mkdirSync(values.results, { recursive: true });
const partial = join(values.results, `bench-${label}-partial.json`);
const savePartial = (phase: string) => writeFileSync(partial, JSON.stringify({ phase, import: imported, server_peak_rss_bytes: serverPeakRss, endpoints: timings }, null, 2));

// the pupil page's datasets are timed for the pupil with the most marks (read before the server opens the file)
const planning = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
	const { Warehouse } = await import('./src/lib/server/warehouse/index.ts');
	const w = await Warehouse.open(${JSON.stringify(db)});
	const [row] = await w.read('bench/busiest_pupil');
	process.stdout.write(row?.upn ?? '');
	process.exit(0);
`], { encoding: 'utf8' });
const pupilUpn = planning.stdout.trim() || null;

const LOCK = '/tmp/attendance-e2e.lock';
const SERVER_COPY = 'bench/.server-build';
const wantHttp = values.http === 'on' || (values.http === 'auto' && existsSync('build/index.js'));
if (values.http === 'on' && !existsSync('build/index.js')) throw new Error('Build the app first: npm run build');
if (!wantHttp) httpNote = existsSync('build/index.js') ? 'HTTP timing off (--http off)' : 'HTTP timing skipped: the app is not built (npm run build)';

if (wantHttp) {
	const user = await benchUser(db);
	// a copy of the built app, taken under the shared build lock, so that another build cannot replace it
	// mid-run (inside the project, where its packages resolve)
	const copy = spawnSync('flock', [LOCK, '-c', `rm -rf ${SERVER_COPY} && cp -r build ${SERVER_COPY}`], { stdio: 'inherit' });
	if (copy.status !== 0 || !existsSync(`${SERVER_COPY}/index.js`)) throw new Error('could not copy the built app');
	const server = spawn(process.execPath, [SERVER_COPY], {
		env: { ...process.env, PORT: values.port, HOST: '127.0.0.1', ORIGIN: base, ATTENDANCE_DB: db, BODY_SIZE_LIMIT: 'Infinity' },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let serverErrors = '';
	server.stderr.on('data', (d) => (serverErrors = (serverErrors + d).slice(-4000)));
	try {
		for (let i = 0; ; i++) {
			const up = await fetch(`${base}/`, { redirect: 'manual' }).catch(() => null);
			if (up) break;
			if (i > 300) throw new Error(`the server did not start: ${serverErrors}`);
			await new Promise((r) => setTimeout(r, 200));
		}
		const cookie = user ? await signIn(base, user) : '';
		// only the paths are used here: the warehouse is this process's to open once the server has stopped
		const paths = await endpoints(null as never, pupilUpn);
		for (const e of paths) {
			const http: number[] = [];
			const serverDb: number[] = [];
			let bytes = 0;
			for (let i = 0; i <= runs; i++) {
				const t = performance.now();
				const response = await fetch(`${base}${e.path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
				const body = await response.arrayBuffer();
				const ms = performance.now() - t;
				if (!response.ok) throw new Error(`${e.path}: HTTP ${response.status} ${new TextDecoder().decode(body).slice(0, 200)}`);
				bytes = body.byteLength;
				if (i === 0) continue; // the first run warms the caches
				http.push(ms);
				const dur = /dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
				if (dur) serverDb.push(Number(dur[1]));
			}
			timings.push({ view: e.view, name: e.name, path: e.path, http_ms: median(http), server_db_ms: serverDb.length ? median(serverDb) : null, direct_ms: null, rows_bytes: bytes });
			savePartial('http');
		}
		const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
		const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
		if (hwm) serverPeakRss = Number(hwm[1]) * 1024;
	} finally {
		server.kill();
		await new Promise((r) => server.once('exit', r));
		rmSync(SERVER_COPY, { recursive: true, force: true });
	}
	log(`timed ${timings.length} endpoints through HTTP`);
}


// ---------------------------------------------------------------------------------------------
// 3. The same SQL straight on DuckDB, in this process
const warehouse = await Warehouse.open(db);
for (const e of values.direct === 'off' ? [] : await endpoints(warehouse, pupilUpn)) {
	const times: number[] = [];
	await withRawConnection(warehouse, async (conn) => {
		for (let i = 0; i <= runs; i++) {
			const t = performance.now();
			await e.direct(conn);
			if (i > 0) times.push(performance.now() - t);
		}
	});
	const timing = timings.find((t) => t.path === e.path);
	if (timing) timing.direct_ms = median(times);
	else timings.push({ view: e.view, name: e.name, path: e.path, http_ms: null, server_db_ms: null, direct_ms: median(times), rows_bytes: null });
	savePartial('direct');
}
log(`timed ${timings.length} endpoints straight on DuckDB`);
savePartial('direct');

// ---------------------------------------------------------------------------------------------
// 4. The SQLite baseline: the same data and indexes, the views translated by hand
const [latestYear] = await warehouse.read('bench/latest_year');
const yearStart = latestYear.year_start as string;
const yearEnd = latestYear.year_end as string;
const latest = latestYear.latest as string;
const from3 = `${Number(String(yearStart).slice(0, 4)) - 2}-09-01`;
/** Each hand translation, the endpoint (or report) it stands for, and the DuckDB SQL to compare results with. */
const SQLITE_QUERIES: { name: string; sqlite: string; duckdb: string; endpoint: string; compare?: boolean }[] = [
	{ name: 'summary', sqlite: 'summary', duckdb: 'reports/summary', endpoint: 'report summary (the Summary page)', compare: true },
	{ name: 'weekday', sqlite: 'weekday', duckdb: 'reports/weekday', endpoint: '/api/summary/weekday', compare: true },
	{ name: 'codes', sqlite: 'codes', duckdb: 'reports/codes', endpoint: '/api/summary/codes', compare: true },
	{ name: 'cohorts (FSM)', sqlite: 'cohorts_fsm', duckdb: 'datasets/cohorts/by_dimension', endpoint: '/api/cohorts/by_dimension?dimension=fsm' },
	{ name: 'overview half-terms', sqlite: 'overview_half_terms', duckdb: 'datasets/overview/periods', endpoint: '/api/overview/periods?grains=half_term' },
	{ name: 'list: bands', sqlite: 'list_bands', duckdb: 'lists/bands', endpoint: '/api/lists/bands' }
];
const sqliteResults: { name: string; endpoint: string; sqlite_ms: number; duckdb_ms: number; times_faster: number; same_result: boolean | null }[] = [];
let sqliteBytes: number | null = null;
let sqliteLoadSeconds: number | null = null;
const wantSqlite = values.sqlite === 'on' || (values.sqlite === 'auto' && imported.marks <= 20_000_000);
if (wantSqlite) {
	const file = join(dir, 'baseline.sqlite');
	rmSync(file, { force: true });
	const lite = new Database(file);
	const t = performance.now();
	lite.exec(sqlText('bench/sqlite/schema'));
	for (const table of ['codes', 'pupils', 'term_dates', 'marks']) {
		const insert = lite.prepare(sqlText(`bench/sqlite/insert_${table}`));
		const insertMany = lite.transaction((rows: Record<string, unknown>[]) => {
			for (const row of rows) insert.run(row);
		});
		await withRawConnection(warehouse, async (conn) => {
			const result = await conn.stream(sqlText(`bench/source_${table}`));
			const names = result.columnNames();
			for (;;) {
				const chunk = await result.fetchChunk();
				if (!chunk || chunk.rowCount === 0) break;
				insertMany(chunk.getRows().map((r) => Object.fromEntries(names.map((n, i) => [n, typeof r[i] === 'bigint' ? Number(r[i]) : r[i]]))));
			}
		});
	}
	lite.exec(sqlText('bench/sqlite/indexes'));
	sqliteLoadSeconds = (performance.now() - t) / 1000;
	sqliteBytes = statSync(file).size;
	log(`loaded SQLite in ${sqliteLoadSeconds.toFixed(0)} s`);
	const params = { from: yearStart, to: yearEnd, from3, on: latest };
	for (const q of SQLITE_QUERIES) {
		const statement = lite.prepare(sqlText(`bench/sqlite/${q.sqlite}`));
		const bound = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(statement.source)));
		const times: number[] = [];
		let liteRows: unknown[] = [];
		for (let i = 0; i < sqliteRuns; i++) {
			const t = performance.now();
			liteRows = statement.all(bound);
			times.push(performance.now() - t);
		}
		const duck = timings.find((d) => d.path === q.endpoint);
		let duckMs = duck?.direct_ms ?? null;
		let same: boolean | null = null;
		if (q.compare) {
			const duckTimes: number[] = [];
			let duckRows: Record<string, unknown>[] = [];
			for (let i = 0; i <= runs; i++) {
				const t = performance.now();
				duckRows = await warehouse.read(q.duckdb, { from: yearStart, to: yearEnd, school: null, year_group: null, cohort_dimension: null, cohort_value: null });
				if (i > 0) duckTimes.push(performance.now() - t);
			}
			duckMs ??= median(duckTimes);
			same = sameRows(duckRows, liteRows as Record<string, unknown>[]);
		}
		const sqliteMs = median(times);
		sqliteResults.push({ name: q.name, endpoint: q.endpoint, sqlite_ms: sqliteMs, duckdb_ms: duckMs ?? NaN, times_faster: sqliteMs / (duckMs ?? NaN), same_result: same });
	}
	lite.close();
	if (!values.keep) rmSync(file, { force: true });
}

/** The same numbers in the same order (rates to 9 decimal places; codes compared as sets). */
function sameRows(a: Record<string, unknown>[], b: Record<string, unknown>[]): boolean {
	const key = (r: Record<string, unknown>) =>
		JSON.stringify(Object.keys(r).sort().map((k) => [k, typeof r[k] === 'number' ? Number((r[k] as number).toFixed(9)) : r[k]]));
	const ka = a.map(key).sort();
	const kb = b.map(key).sort();
	return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

// ---------------------------------------------------------------------------------------------
// The report
const peakRss = Math.max(imported.peak_rss_bytes, serverPeakRss ?? 0, process.resourceUsage().maxRSS * 1024);
const summary = {
	size: label,
	marks: imported.marks,
	pupils: imported.pupils,
	schools: imported.schools,
	files: imported.files,
	import_seconds: imported.import_seconds,
	import_marks_per_second: Math.round(imported.marks / imported.import_seconds),
	register_marks_per_second: Math.round(imported.register_marks / imported.register_seconds),
	import_stages_seconds: imported.stages,
	generate_seconds: imported.generate_seconds,
	csv_mb: mb(imported.csv_bytes),
	warehouse_mb: mb(imported.warehouse_bytes),
	warehouse_to_csv: imported.warehouse_bytes / imported.csv_bytes,
	peak_rss_mb: { import: mb(imported.peak_rss_bytes), server: serverPeakRss === null ? null : mb(serverPeakRss), bench: mb(process.resourceUsage().maxRSS * 1024), max: mb(peakRss) },
	endpoints: timings.length,
	slowest_http_ms: Math.max(...timings.map((t) => t.http_ms ?? 0)),
	slowest_direct_ms: Math.max(...timings.map((t) => t.direct_ms ?? 0)),
	median_overhead: median(timings.filter((t) => t.http_ms && t.direct_ms).map((t) => t.http_ms! / t.direct_ms!)) ?? null,
	sqlite_mb: sqliteBytes === null ? null : mb(sqliteBytes),
	sqlite_load_seconds: sqliteLoadSeconds,
	min_times_faster_than_sqlite: sqliteResults.length ? Math.min(...sqliteResults.map((r) => r.times_faster)) : null,
	failures: imported.failures,
	note: httpNote
};

const ms = (v: number | null) => (v === null ? '' : v.toFixed(1));
console.log(`\nAttendance Lens benchmark: ${label} (${imported.marks.toLocaleString('en-GB')} marks, ${imported.pupils.toLocaleString('en-GB')} pupils, ${imported.schools} schools, ${runs} warm runs)\n`);
console.table({
	'import (s)': summary.import_seconds.toFixed(1),
	'import (marks/s)': summary.import_marks_per_second.toLocaleString('en-GB'),
	'import stages (s)': Object.entries(imported.stages as Record<string, number>).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '),
	'CSV (MB)': summary.csv_mb,
	'warehouse (MB)': `${summary.warehouse_mb} (${(summary.warehouse_to_csv * 100).toFixed(1)}% of the CSV)`,
	'peak RSS (MB)': `import ${summary.peak_rss_mb.import}, server ${summary.peak_rss_mb.server ?? '-'}, bench ${summary.peak_rss_mb.bench}`,
	'slowest endpoint, HTTP (ms)': ms(summary.slowest_http_ms || null),
	'slowest endpoint, DuckDB (ms)': ms(summary.slowest_direct_ms || null),
	'median overhead (HTTP / DuckDB)': summary.median_overhead?.toFixed(2) ?? ''
});
console.table(
	timings.map((t) => ({
		endpoint: t.path,
		'HTTP ms': ms(t.http_ms),
		'server db ms': ms(t.server_db_ms),
		'DuckDB ms': ms(t.direct_ms),
		overhead: t.http_ms && t.direct_ms ? (t.http_ms / t.direct_ms).toFixed(2) : ''
	}))
);
if (sqliteResults.length)
	console.table(
		sqliteResults.map((r) => ({
			query: r.name,
			'SQLite ms': r.sqlite_ms.toFixed(0),
			'DuckDB ms': r.duckdb_ms.toFixed(1),
			'× faster': r.times_faster.toFixed(0),
			'same result': r.same_result === null ? '(not compared)' : r.same_result ? 'yes' : 'NO'
		}))
	);
if (httpNote) console.log(httpNote);
mkdirSync(values.results, { recursive: true });
const out = join(values.results, `bench-${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ summary, import: imported, endpoints: timings, sqlite: sqliteResults }, null, 2));
rmSync(partial, { force: true });
console.log(`written ${out}`);
if (!values.keep && !values.reuse) rmSync(join(dir, 'csv'), { recursive: true, force: true });
process.exit(0);
