// The benchmark script (npm run bench) at a small size, to prove that it works: it generates and imports
// ~200k marks, times every dataset and list straight on DuckDB (HTTP is left to real runs: it needs the
// built app), loads the SQLite baseline and checks the hand translations give DuckDB's answers. No timings
// are asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTS } from '../../src/lib/server/lists';

describe('npm run bench', () => {
	it('imports 200k marks, times every endpoint straight on DuckDB and against SQLite, and writes JSON', () => {
		const dir = mkdtempSync(join(tmpdir(), 'lens-bench-test-'));
		const results = join(dir, 'results');
		const run = spawnSync(
			process.execPath,
			['--import', 'tsx', 'scripts/bench.ts', '--size', '200k', '--runs', '1', '--sqlite-runs', '1', '--http', 'off', '--sqlite', 'on', '--dir', join(dir, 'data'), '--results', results],
			{ encoding: 'utf8', timeout: 600_000 }
		);
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toContain('Attendance Lens benchmark: 200k');
		const [file] = readdirSync(results);
		const report = JSON.parse(readFileSync(join(results, file), 'utf8'));
		// the demo trust sized to ~200k marks, all of them imported
		expect(report.summary.marks).toBeGreaterThan(150_000);
		expect(report.summary.marks).toBeLessThan(250_000);
		expect(report.import.register_marks).toBeGreaterThanOrEqual(report.summary.marks);
		expect(report.import.failures).toEqual([]);
		expect(report.summary.warehouse_mb).toBeGreaterThan(0);
		expect(report.summary.csv_mb).toBeGreaterThan(0);
		expect(report.summary.peak_rss_mb.import).toBeGreaterThan(0);
		// every list and its count, and the datasets of every view (the summary's two among them)
		const paths = report.endpoints.map((e: { path: string }) => e.path);
		for (const list of Object.keys(LISTS)) expect(paths).toEqual(expect.arrayContaining([`/api/lists/${list}`, `/api/lists/${list}/count`]));
		expect(paths).toEqual(expect.arrayContaining(['/api/summary/weekday', '/api/summary/codes', '/api/overview/periods', '/api/cohorts/by_dimension']));
		for (const e of report.endpoints) expect(e.direct_ms, e.path).toBeGreaterThan(0);
		// the SQLite baseline: six hand-translated queries, the compared ones giving DuckDB's own answers
		expect(report.sqlite).toHaveLength(6);
		for (const q of report.sqlite) expect(q.sqlite_ms, q.name).toBeGreaterThan(0);
		expect(report.sqlite.filter((q: { same_result: boolean | null }) => q.same_result !== null).map((q: { same_result: boolean }) => q.same_result)).toEqual([true, true, true]);
	}, 600_000);
});
