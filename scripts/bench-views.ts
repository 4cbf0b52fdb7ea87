// npm run bench:views [-- --db PATH] [--runs N]: times every data endpoint and page of the dashboard
// through the real HTTP server (the built app) on a demo warehouse, with the default filters (latest
// academic year, all schools). Prints, per view, each dataset's median database time (Server-Timing)
// and HTTP time over warm runs, and writes them as JSON under bench/results/.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemo } from './cli/demo';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '5' }, port: { type: 'string', default: '4391' } } });
const runs = Number(values.runs);
const base = `http://localhost:${values.port}`;
if (!existsSync('build/index.js')) throw new Error('Build the app first: npm run build');

let db = values.db ? resolve(values.db) : '';
if (!db) {
	db = join(mkdtempSync(join(tmpdir(), 'lens-views-')), 'demo.duckdb');
	await (await buildDemo(db, { pupils: 1500, schools: 4, seed: 2024 }, () => {})).checkpoint();
}

const { DATASETS } = await import('../src/lib/catalog/datasets');
const registries: Record<string, { prefix: string; datasets: Record<string, unknown> }> = {
	summary: { prefix: '/api/summary', datasets: DATASETS.summary },
	overview: { prefix: '/api/overview', datasets: DATASETS.overview },
	cohorts: { prefix: '/api/cohorts', datasets: DATASETS.cohorts },
	patterns: { prefix: '/api/patterns', datasets: DATASETS.patterns },
	codes: { prefix: '/api/codes', datasets: DATASETS.codes },
	imports: { prefix: '/api/imports', datasets: DATASETS.imports },
	lists: { prefix: '/api/lists', datasets: Object.fromEntries(Object.keys((await import('../src/lib/server/lists')).LISTS).map((l) => [l, {}])) }
};
/** Datasets that need a parameter to say anything (the rest take the filters alone). */
const EXTRA: Record<string, string> = { 'cohorts/pupils': 'dimension=fsm&value=FSM%20eligible' };

const server = spawn('node', ['build'], { env: { ...process.env, PORT: values.port, ATTENDANCE_DB: db }, stdio: 'ignore' });
try {
	for (let i = 0; ; i++) {
		if ((await fetch(`${base}/login`).catch(() => null))?.ok) break;
		if (i > 100) throw new Error('the server did not start');
		await new Promise((r) => setTimeout(r, 200));
	}
	// signed in as the demo admin (every request carries the session cookie)
	const signIn = await fetch(`${base}/login`, {
		method: 'POST',
		body: new URLSearchParams({ name: 'admin', password: 'demo' }),
		headers: { origin: base, accept: 'text/html' },
		redirect: 'manual'
	});
	const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
	if (!cookie) throw new Error(`the demo admin could not sign in: HTTP ${signIn.status}`);
	const get = (url: string) => fetch(url, { headers: { cookie } });
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	async function time(path: string) {
		const db: number[] = [];
		const http: number[] = [];
		for (let i = 0; i <= runs; i++) {
			const t = performance.now();
			const response = await get(`${base}${path}`);
			await response.arrayBuffer();
			if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
			if (i === 0) continue; // the first run warms the caches
			http.push(performance.now() - t);
			const dur = /dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
			if (dur) db.push(Number(dur[1]));
		}
		return { db: db.length ? median(db) : null, http: median(http) };
	}
	const results: { view: string; dataset: string; db_ms: number | null; http_ms: number }[] = [];
	for (const [view, { prefix, datasets }] of Object.entries(registries))
		for (const name of Object.keys(datasets)) {
			const extra = EXTRA[`${view}/${name}`];
			const t = await time(`${prefix}/${name}${extra ? `?${extra}` : ''}`);
			results.push({ view, dataset: name, db_ms: t.db, http_ms: t.http });
		}
	// the pupil page's datasets, for the pupil with the most marks
	const pupil = (await (await get(`${base}/pupils`)).text()).match(/\/pupils\/([A-Z]\d{12})/)?.[1];
	if (pupil)
		for (const name of Object.keys(DATASETS.pupil)) {
			const t = await time(`/api/pupil/${pupil}/${name}`);
			results.push({ view: 'pupil', dataset: name, db_ms: t.db, http_ms: t.http });
		}
	// whole pages (their server loads, not the charts they fetch afterwards)
	for (const path of ['/', '/overview', '/cohorts', '/patterns', '/codes', '/lists', '/lists/penalty', '/pupils', ...(pupil ? [`/pupils/${pupil}`] : []), '/imports']) {
		const t = await time(path);
		results.push({ view: 'page', dataset: path, db_ms: null, http_ms: t.http });
	}
	console.table(results.map((r) => ({ ...r, db_ms: r.db_ms?.toFixed(1) ?? '', http_ms: r.http_ms.toFixed(1) })));
	const slowest = new Map<string, (typeof results)[number]>();
	for (const r of results) if (!slowest.has(r.view) || r.http_ms > slowest.get(r.view)!.http_ms) slowest.set(r.view, r);
	console.log('Slowest per view (HTTP ms, median of warm runs):');
	for (const [view, r] of slowest) console.log(`  ${view}: ${r.dataset} ${r.http_ms.toFixed(0)} ms${r.db_ms !== null ? ` (database ${r.db_ms.toFixed(0)} ms)` : ''}`);
	mkdirSync('bench/results', { recursive: true });
	const file = `bench/results/views-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
	writeFileSync(file, JSON.stringify({ db, runs, results }, null, 2));
	console.log(`written ${file}`);
} finally {
	server.kill();
}
