import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../helpers/warehouse';

const exec = promisify(execFile);
const db = join(mkdtempSync(join(tmpdir(), 'lens-cli-')), 'warehouse.duckdb');

/** Runs the CLI as a user would, returning its output and exit code. */
async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
	try {
		const { stdout, stderr } = await exec('npx', ['tsx', 'scripts/cli.ts', ...args, '--db', db], { encoding: 'utf8' });
		return { stdout, stderr, code: 0 };
	} catch (e) {
		const err = e as { stdout: string; stderr: string; code: number };
		return { stdout: err.stdout, stderr: err.stderr, code: err.code };
	}
}

describe('the command line', () => {
	beforeAll(async () => {
		const result = await cli(
			'import',
			'--school',
			'140512',
			join(SAMPLES, 'register-long-2023-24.csv'),
			join(SAMPLES, 'register-long-2024-25-autumn.csv'),
			join(SAMPLES, 'register-amendments-2025-01.csv')
		);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout.trim().split('\n').at(-1)).toBe('3 files: 7196 rows read, 7180 added, 16 amended, 0 unchanged, 0 files rejected');
	});

	it('reports pupils as CSV with the agreed columns, over the latest academic year by default', async () => {
		const { stdout, code } = await cli('report', 'pupils');
		expect(code).toBe(0);
		const [header, ...rows] = stdout.trim().split('\n');
		expect(header).toBe('upn,possible_sessions,present_sessions,aea_sessions,authorised_sessions,unauthorised_sessions,absence_rate,persistent,severe');
		expect(rows).toHaveLength(14);
		for (const row of rows) {
			const f = row.split(',');
			const [possible, present, aea, authorised, unauthorised] = f.slice(1, 6).map(Number);
			// the latest academic year is 2024/25: autumn 2024 only
			expect(possible).toBeGreaterThan(0);
			expect(present + aea + authorised + unauthorised).toBe(possible);
			expect(Number(f[6])).toBe((authorised + unauthorised) / possible);
			expect(f[7]).toBe(String((authorised + unauthorised) * 10 >= possible));
			expect(f[8]).toBe(String((authorised + unauthorised) * 2 >= possible));
		}
	});

	it('reports the summary as a JSON object, and pupils as JSON on request', async () => {
		const summary = JSON.parse((await cli('report', 'summary', '--from', '2023-09-01', '--to', '2024-08-31')).stdout);
		expect(Object.keys(summary)).toEqual([
			'pupils',
			'possible_sessions',
			'authorised_sessions',
			'unauthorised_sessions',
			'overall_absence_rate',
			'persistent_pupils',
			'severe_pupils'
		]);
		const pupils = JSON.parse((await cli('report', 'pupils', '--from', '2023-09-01', '--to', '2024-08-31', '--format', 'json')).stdout);
		expect(summary.pupils).toBe(pupils.length);
		expect(summary.possible_sessions).toBe(pupils.reduce((s: number, p: { possible_sessions: number }) => s + p.possible_sessions, 0));
		expect(summary.persistent_pupils).toBe(pupils.filter((p: { persistent: boolean }) => p.persistent).length);
	});

	it('reports weekday and code tables as CSV', async () => {
		const weekday = (await cli('report', 'weekday')).stdout.trim().split('\n');
		expect(weekday[0]).toBe('weekday,session,possible_sessions,absent_sessions,absence_rate');
		expect(weekday.slice(1).map((r) => r.split(',').slice(0, 2).join(' '))).toEqual(
			['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].flatMap((d) => [`${d} AM`, `${d} PM`])
		);
		const codes = (await cli('report', 'codes')).stdout.trim().split('\n');
		expect(codes[0]).toBe('code,sessions');
		expect(codes).toContain('Y4,28');
	});

	it('refuses a bad file with the reason and a non-zero exit, and bad options with usage', async () => {
		const bad = await cli('import', join(__dirname, '..', 'fixtures', 'bad', 'long-h-withdrawn.csv'));
		expect(bad.code).toBe(1);
		expect(bad.stderr).toMatch(/long-h-withdrawn\.csv, line 3, pupil \w+: code H .* withdrawn after 2024-08-18/);
		expect(bad.stdout).toMatch(/0 added, 0 amended, 0 unchanged, 1 file rejected/);
		expect((await cli('report', 'nonsense')).code).toBe(2);
		const wrongDate = await cli('report', 'summary', '--from', '2024-02-30');
		expect(wrongDate.code).toBe(1);
		expect(wrongDate.stderr).toMatch(/--from must be a date as YYYY-MM-DD/);
	});
});
