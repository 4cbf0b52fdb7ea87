// Twenty concurrent readers of the dashboard endpoints during an import get answers from before the
// import or after it, never a mixture, and no errors. One process, the app's shared warehouse
// (appWarehouse), the real importFile and the real +server.ts handlers.
//
// The import amends a year of marks (illness → unauthorised absence, a large change to every figure)
// AND adds the next year's marks: an endpoint that resolves its default year in one snapshot and
// reads the figures in another would answer with the old year's dates over the new marks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN } from '../helpers/api';
import { SAMPLES } from '../helpers/warehouse';
import { writeBigRegister } from './reliability-register';
import type { Warehouse } from '../../src/lib/server/warehouse';

const PUPILS = 1000;
const READERS = 20;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (event: any) => Response | Promise<Response>;
let warehouse: Warehouse;
let importFile: typeof import('../../src/lib/server/ingest').importFile;
let endpoints: { path: string; handler: Handler; params: Record<string, string> }[];
let change: string;
let dir: string;

/** One answer of an endpoint, as comparable text: its rows decoded from Arrow, in a stable order. */
async function answer(e: (typeof endpoints)[number]): Promise<string> {
	const url = new URL(e.path, 'http://localhost');
	const response = await e.handler({ url, params: e.params, request: new Request(url), locals: { user: TEST_ADMIN } });
	if (!response.ok) throw new Error(`${e.path}: HTTP ${response.status}`);
	const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
	const rows = table.toArray().map((r) => JSON.stringify(r.toJSON(), (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
	return `${response.headers.get('x-list-on') ?? ''}|${rows.sort().join('\n')}`;
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'lens-concurrency-'));
	process.env.ATTENDANCE_DB = join(dir, 'warehouse.duckdb');
	({ importFile } = await import('../../src/lib/server/ingest'));
	warehouse = await (await import('../../src/lib/server/warehouse/shared')).appWarehouse();
	const routes: Record<string, Handler> = {
		summary: (await import('../../src/routes/api/summary/[dataset]/+server')).GET,
		overview: (await import('../../src/routes/api/overview/[dataset]/+server')).GET,
		cohorts: (await import('../../src/routes/api/cohorts/[dataset]/+server')).GET,
		codes: (await import('../../src/routes/api/codes/[dataset]/+server')).GET,
		patterns: (await import('../../src/routes/api/patterns/[dataset]/+server')).GET,
		lists: (await import('../../src/routes/api/lists/[list]/+server')).GET
	};
	const dataset = async (view: string, name: string, query = '') => ({
		path: `/api/${view}/${name}${query}`,
		handler: routes[view],
		params: { dataset: name }
	});
	endpoints = [
		await dataset('summary', 'weekday'),
		await dataset('summary', 'codes'),
		await dataset('summary', 'codes', '?year=2023/24'),
		await dataset('overview', 'periods'),
		await dataset('cohorts', 'by_dimension', '?dimension=sex'),
		await dataset('codes', 'totals'),
		await dataset('patterns', 'weekday'),
		{ path: '/api/lists/bands', handler: routes.lists, params: { list: 'bands' } }
	];
	// before: the sample school's year, its pupils, and 1,000 generated pupils' 2023/24 (ill every 13th day)
	await importFile(warehouse, join(SAMPLES, 'register-long-2023-24.csv'), { school: 140512 });
	await importFile(warehouse, join(SAMPLES, 'pupils.csv'), { school: 140512 });
	const year1 = join(dir, 'year-2023-24.csv');
	await writeBigRegister(year1, PUPILS * 380, { pupils: PUPILS });
	await importFile(warehouse, year1, { school: 140512 });
	// the import: 2023/24 again with every illness now unauthorised (O), then 2024/25's first 120 days
	change = join(dir, 'amend-and-next-year.csv');
	await writeBigRegister(change, PUPILS * 380, { pupils: PUPILS, code: (p, d) => ((p + d) % 13 === 0 ? ['O', 'O'] : ['/', '\\']) });
	const next = join(dir, 'next-year.csv');
	await writeBigRegister(next, PUPILS * 240, { pupils: PUPILS, start: '2024-09-02', code: (p, d) => ((p + d) % 7 === 0 ? ['M', 'M'] : ['/', '\\']) });
	const { appendFileSync, readFileSync } = await import('node:fs');
	appendFileSync(change, readFileSync(next, 'utf8').split('\n').slice(1).join('\n'));
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`${READERS} concurrent readers during an import`, () => {
	it('each get the answer from before the import or from after it, never another, and no errors', async () => {
		const before = new Map<string, string>();
		for (const e of endpoints) before.set(e.path, await answer(e));

		let importing = true;
		let importEnded = 0;
		const answers: { path: string; text: string; started: number }[] = [];
		const errors: string[] = [];
		const reader = async (n: number) => {
			// until the import ends, then one more round of every endpoint
			let last = Infinity;
			for (let i = n; i < last; i++) {
				if (!importing && last === Infinity) last = i + endpoints.length;
				const e = endpoints[i % endpoints.length];
				const started = performance.now();
				try {
					answers.push({ path: e.path, text: await answer(e), started });
				} catch (error) {
					errors.push(`${e.path}: ${(error as Error).message}`);
				}
			}
		};
		const importStarted = performance.now();
		const imported = importFile(warehouse, change, { school: 140512 }).finally(() => {
			importing = false;
			importEnded = performance.now();
		});
		await Promise.all([imported, ...Array.from({ length: READERS }, (_, n) => reader(n))]);
		const result = await imported;
		expect(result).toMatchObject({ status: 'loaded', amended: expect.any(Number), added: PUPILS * 240 });
		let illDays = 0;
		for (let p = 0; p < PUPILS; p++) for (let d = 0; d < 190; d++) if ((p + d) % 13 === 0) illDays++;
		expect(result.amended).toBe(illDays * 2);

		const after = new Map<string, string>();
		for (const e of endpoints) after.set(e.path, await answer(e));
		expect(errors).toEqual([]);
		let sawBefore = 0;
		let sawAfter = 0;
		for (const a of answers) {
			// every figure changed: before and after differ for every endpoint
			expect(before.get(a.path)).not.toBe(after.get(a.path));
			if (a.text === before.get(a.path)) sawBefore++;
			else if (a.text === after.get(a.path)) sawAfter++;
			else {
				const known = new Set([...before.get(a.path)!.split('\n'), ...after.get(a.path)!.split('\n')]);
				const odd = a.text.split('\n').filter((l) => !known.has(l));
				expect.fail(`${a.path} answered neither the before nor the after figures (asked ${Math.round(a.started - importStarted)} ms into the import): ${odd.slice(0, 3).join(' / ')}`);
			}
			if (a.started > importEnded) expect(a.text).toBe(after.get(a.path));
		}
		// readers ran during the import, not only around it
		expect(sawBefore).toBeGreaterThan(READERS);
		expect(sawAfter).toBeGreaterThanOrEqual(READERS);
		console.log(`${answers.length} answers during and after a ${Math.round(importEnded - importStarted)} ms import: ${sawBefore} before, ${sawAfter} after`);
	});

	it('an import commits only once the snapshots reading have ended, and a read asked for meanwhile waits for the commit', async () => {
		const codes = endpoints[1];
		let began!: () => void;
		let resume!: () => void;
		const first = new Promise<void>((r) => (began = r));
		const gate = new Promise<void>((r) => (resume = r));
		const inside = warehouse.snapshot(async () => {
			const a = await answer(codes);
			began();
			await gate;
			return [a, await answer(codes)];
		});
		await first;
		let committed = false;
		let merging!: () => void;
		const merged = new Promise<void>((r) => (merging = r));
		const importing = importFile(warehouse, join(SAMPLES, 'register-amendments-2025-01.csv'), {
			school: 140512,
			onProgress: (stage) => stage === 'merging' && merging()
		}).then((result) => ((committed = true), result));
		// the import merges, then waits to commit; a reader asking now waits with it
		await Promise.race([merged, new Promise((r) => setTimeout(r, 5000))]);
		await new Promise((r) => setTimeout(r, 500));
		expect(committed).toBe(false);
		const outside = answer(codes);
		resume();
		const [a, b] = await inside;
		expect(b).toBe(a); // the snapshot: as it began
		const amended = await importing;
		expect(amended.amended).toBeGreaterThan(0);
		expect(await outside).not.toBe(a); // asked before the commit, answered after it
	});
});
