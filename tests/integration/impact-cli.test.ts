import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPACT_COLUMNS, WEEK_COLUMNS } from '../../src/lib/server/impact';
import { callArrow, statusOf, testUser } from '../helpers/api';
import { syntheticSchool, URN } from './impact-school';

// report impact on the command line (exact columns, CSV and JSON alike) and the Impact view's
// endpoint, on a small synthetic school (./impact-school.ts, 300 pupils) imported through the CLI.
// The naive figures are worked out here from the generator's own marks, independently of the SQL.

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'lens-impact-cli-'));
const db = join(dir, 'warehouse.duckdb');
const school = syntheticSchool(11, 300);

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
	try {
		const { stdout, stderr } = await exec('npx', ['tsx', 'scripts/cli.ts', ...args, '--db', db], { encoding: 'utf8' });
		return { stdout, stderr, code: 0 };
	} catch (e) {
		const err = e as { stdout: string; stderr: string; code: number };
		return { stdout: err.stdout, stderr: err.stderr, code: err.code };
	}
}

/** CSV text → rows (no quoted commas in these columns but the note, which is quoted). */
function parseCsv(text: string): Record<string, string>[] {
	const [header, ...lines] = text.trim().split('\n');
	const names = header.split(',');
	return lines.map((line) => {
		const cells: string[] = [];
		let at = 0;
		while (at <= line.length) {
			if (line[at] === '"') {
				const end = line.indexOf('"', at + 1);
				cells.push(line.slice(at + 1, end));
				at = end + 2;
			} else {
				const end = line.indexOf(',', at);
				cells.push(line.slice(at, end === -1 ? line.length : end));
				at = end === -1 ? line.length + 1 : end + 1;
			}
		}
		return Object.fromEntries(names.map((n, i) => [n, cells[i]]));
	});
}

/** The naive before/after of a type, from the generator: every pupil is on roll every school day. */
function naive(type: 'A' | 'B', window = 30) {
	let before = 0, after = 0, n = 0;
	for (const p of school.pupils) {
		if (p.type !== type) continue;
		n++;
		before += p.absent.slice(p.start - window, p.start).filter(Boolean).length;
		after += p.absent.slice(p.start, p.start + window).filter(Boolean).length;
	}
	return { n, before: before / (window * n), after: after / (window * n) };
}

describe('report impact', () => {
	beforeAll(async () => {
		writeFileSync(join(dir, 'register.csv'), school.register);
		writeFileSync(join(dir, 'interventions.csv'), school.interventions);
		const result = await cli('import', '--school', String(URN), join(dir, 'register.csv'), join(dir, 'interventions.csv'));
		expect(result.code, result.stderr).toBe(0);
	});

	it('writes CSV with exactly the agreed columns, and the same figures as JSON', async () => {
		const csv = await cli('report', 'impact');
		expect(csv.code, csv.stderr).toBe(0);
		const header = csv.stdout.split('\n')[0].split(',');
		expect(header.slice(0, 9)).toEqual(['type', 'pupils', 'naive_before', 'naive_after', 'naive_relative', 'adjusted_relative', 'ci_low', 'ci_high', 'comparison_pupils']);
		expect(header).toEqual([...IMPACT_COLUMNS]);
		const rows = parseCsv(csv.stdout);
		expect(rows.map((r) => r.type)).toEqual(['Type A', 'Type B']);

		const json = await cli('report', 'impact', '--format', 'json');
		expect(json.code, json.stderr).toBe(0);
		const objects = JSON.parse(json.stdout) as Record<string, unknown>[];
		expect(objects).toHaveLength(2);
		for (const [i, o] of objects.entries()) {
			expect(Object.keys(o)).toEqual([...IMPACT_COLUMNS]);
			for (const c of IMPACT_COLUMNS) expect(rows[i][c]).toBe(o[c] === null ? '' : String(o[c]));
		}
	});

	it('counts every treated pupil and computes the naive figures from the marks', async () => {
		const rows = JSON.parse((await cli('report', 'impact', '--format', 'json')).stdout) as Record<string, number>[];
		for (const type of ['A', 'B'] as const) {
			const row = rows.find((r) => (r.type as unknown) === `Type ${type}`)!;
			const expected = naive(type);
			expect(row.pupils).toBe(school.treated[type]);
			expect(row.pupils).toBe(expected.n);
			expect(row.excluded_pupils).toBe(0);
			expect(row.naive_before).toBeCloseTo(expected.before, 4);
			expect(row.naive_after).toBeCloseTo(expected.after, 4);
			expect(row.naive_relative).toBeCloseTo(expected.after / expected.before - 1, 3);
			expect(row.ci_low).toBeLessThan(row.adjusted_relative);
			expect(row.ci_high).toBeGreaterThan(row.adjusted_relative);
			expect(row.comparison_pupils).toBeGreaterThan(0);
			expect(row.comparison_pupils).toBeLessThan(300);
		}
	});

	it('takes --window (10–100 school days) and a range; rejects a bad window', async () => {
		const rows = JSON.parse((await cli('report', 'impact', '--format', 'json', '--window', '20')).stdout) as Record<string, number>[];
		const b = rows.find((r) => (r.type as unknown) === 'Type B')!;
		expect(b.naive_before).toBeCloseTo(naive('B', 20).before, 4);
		const bad = await cli('report', 'impact', '--window', '5');
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('window');
		// a range before any intervention: no types
		const none = await cli('report', 'impact', '--from', '2023-09-01', '--to', '2024-08-31');
		expect(none.code).toBe(0);
		expect(none.stdout.trim()).toBe(IMPACT_COLUMNS.join(','));
	});

	it('serves the same rows to the Impact view, and the event study around the start', async () => {
		const cliRows = JSON.parse((await cli('report', 'impact', '--format', 'json')).stdout) as Record<string, unknown>[];
		process.env.ATTENDANCE_DB = db;
		const { GET } = await import('../../src/routes/api/impact/[dataset]/+server');
		const types = await callArrow(GET, '/api/impact/types', { dataset: 'types' });
		expect(types.columns).toEqual([...IMPACT_COLUMNS]);
		expect(types.rows).toEqual(cliRows);

		const weeks = await callArrow(GET, '/api/impact/weeks?type=Type+B', { dataset: 'weeks' });
		expect(weeks.columns).toEqual([...WEEK_COLUMNS]);
		expect(weeks.rows).toHaveLength(42); // weeks −10 … 10, treated and comparison
		const at = (group: string, week: number) => weeks.rows.find((r) => r.group === group && r.week === week)!.mean as number;
		// regression to the mean, visible: both groups' absence peaks just before the start and falls after
		for (const group of ['treated', 'comparison']) {
			expect(at(group, -1)).toBeGreaterThan(at(group, -8));
			expect(at(group, 3)).toBeLessThan(at(group, -1));
		}
		for (const r of weeks.rows) expect(r.low as number).toBeLessThanOrEqual(r.mean as number);

		// governors see the same aggregates (every row rests on more than 5 pupils)
		const governor = await callArrow(GET, '/api/impact/types', { dataset: 'types' }, testUser('governor'));
		expect(governor.rows).toEqual(cliRows);
		expect(await statusOf(GET, '/api/impact/types?window=7', { dataset: 'types' })).toBe(400);
		expect(await statusOf(GET, '/api/impact/nothing', { dataset: 'nothing' })).toBe(404);
		expect(await statusOf(GET, '/api/impact/types', { dataset: 'types' }, null)).toBe(401);
	});
});
