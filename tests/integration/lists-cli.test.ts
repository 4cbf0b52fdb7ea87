import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { LISTS } from '../../src/lib/server/lists';
import { upn } from '../helpers/upn';
import { tempFile } from '../helpers/warehouse';

const exec = promisify(execFile);
const db = join(mkdtempSync(join(tmpdir(), 'lens-lists-cli-')), 'warehouse.duckdb');

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
	try {
		const { stdout, stderr } = await exec('npx', ['tsx', 'scripts/cli.ts', ...args, '--db', db], { encoding: 'utf8' });
		return { stdout, stderr, code: 0 };
	} catch (e) {
		const err = e as { stdout: string; stderr: string; code: number };
		return { stdout: err.stdout, stderr: err.stderr, code: err.code };
	}
}

// School 100001, every weekday Mon 2 – Fri 13 Sep 2024 (2 school weeks), no term dates.
// P1: O O Mon 2 – Fri 6 Sep: 10 unauthorised sessions, the 10th on Fri 6 Sep.
// P2: O Mon 9 Sep AM: 1, 9 short of the threshold; its week (W2) leaves the window when W12 begins: with no
//     term dates every calendar week after the week of 13 Sep counts: 16, 23, 30 Sep, 7, 14, 21, 28 Oct, 4, 11, 18 Nov.
const P1 = upn('873400131001');
const P2 = upn('873400131002');
const lines: string[] = [];
for (const d of ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13']) {
	const date = `2024-09-${d}`;
	lines.push(`${P1},${date},AM,${d <= '06' ? 'O' : '/'}`, `${P1},${date},PM,${d <= '06' ? 'O' : '\\'}`);
	lines.push(`${P2},${date},AM,${d === '09' ? 'O' : '/'}`, `${P2},${date},PM,\\`);
}

describe('the command line: casework lists', () => {
	beforeAll(async () => {
		const result = await cli('import', '--school', '100001', tempFile('register.csv', `UPN,Date,Session,Mark\n${lines.join('\n')}\n`));
		expect(result.code, result.stderr).toBe(0);
	});

	it('reports the penalty list as CSV as of a date, upn first, most sessions first', async () => {
		const { stdout, code } = await cli('report', 'penalty', '--on', '2024-09-13');
		expect(code).toBe(0);
		expect(stdout.trim().split('\n')).toEqual([
			'upn,unauthorised_sessions_in_window,window_start,window_end,threshold_met_on,sessions_before_threshold,next_drop_date,next_drop_sessions,school_urn',
			`${P1},10,2024-09-02,2024-09-13,2024-09-06,,,,100001`,
			`${P2},1,2024-09-02,2024-09-13,,9,2024-11-18,1,100001`
		]);
		// as of Thu 5 Sep P1 had 8: the forecast says 2 more
		const json = JSON.parse((await cli('report', 'penalty', '--on', '2024-09-05', '--school', '100001', '--format', 'json')).stdout);
		expect(json).toEqual([
			{ upn: P1, unauthorised_sessions_in_window: 8, window_start: '2024-09-02', window_end: '2024-09-05', threshold_met_on: null, sessions_before_threshold: 2, next_drop_date: '2024-11-11', next_drop_sessions: 8, school_urn: 100001 }
		]);
		const own = await cli('report', 'penalty', '--on', '2024-09-13', '--param', 'threshold_sessions=1');
		expect(own.stdout).toContain(`${P2},1,2024-09-02,2024-09-13,2024-09-09,,,,100001`);
	});

	it('writes every list’s header, upn first, even when the list is empty', async () => {
		for (const [name, list] of Object.entries(LISTS)) {
			const csv = await cli('report', name, '--on', '2024-09-02');
			expect(csv.code, csv.stderr).toBe(0);
			expect(csv.stdout.split('\n')[0]).toBe(Object.keys(list.columns).join(','));
		}
	});

	it('refuses bad options', async () => {
		const badDate = await cli('report', 'penalty', '--on', '2024-13-01');
		expect(badDate.code).toBe(1);
		expect(badDate.stderr).toMatch(/--on must be a date as YYYY-MM-DD/);
		const badParam = await cli('report', 'penalty', '--param', 'weeks=3');
		expect(badParam.code).toBe(1);
		expect(badParam.stderr).toMatch(/list penalty has no parameter 'weeks'/);
		expect((await cli('report', 'penalty', '--param', 'nonsense')).code).toBe(2);
		expect((await cli('report', 'nonsense')).stderr).toMatch(/penalty, stages, continuous, unresolved-n, bands/);
	});
});
