import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { PARENTS_COLUMNS, parentsCsv, parentsReport, parseUpns } from '../../src/lib/server/exports/parents';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, tempFile } from '../helpers/warehouse';
import { P1, P3, P8, P11, P12, PUPILS, SCHOOLS, TERM_DATES, URN, pupils, register } from './pack-fixture';

// Autumn 2 of pack-fixture.ts (Mon 4 – Fri 8 Nov 2024, 10 possible sessions each), worked by hand:
//   P1  O O Mon: attended 8, 80.0%, 1 day lost, 0 authorised, 2 unauthorised; the year: 4 + 2 = 6 sessions,
//       3 days: no stage (stage 1 is 4 days).
//   P3  I Fri AM: 9, 90.0%, 0.5 days, 1 authorised.
//   P8  I I Mon: 8, 80.0%, 1 day, 2 authorised; the year: 6 + 2 = 8 sessions = 4 days: Stage 1.
//   P10 G G Tue: 8, 80.0%, 1 day, 2 unauthorised.
//   P11 U Wed AM: late after the register closed: 9, 90.0%, 0.5 days, 1 unauthorised, 1 late (U).
//   P12 L Thu AM: late before it closed, present: 10, 100.0%, 0 days, 1 late (L).
//   everyone else: 10, 100.0%.
const admin: SessionUser = { id: 1, name: 'admin', role: 'admin', schools: null, pupilAccess: true };
const governor: SessionUser = { id: 2, name: 'gov', role: 'governor', schools: [URN], pupilAccess: false };
const P10 = PUPILS[9];

const FIGURES = ['possible_sessions', 'attended_sessions', 'attendance_percent', 'days_lost', 'authorised_sessions', 'unauthorised_sessions', 'late_before_close', 'late_after_close', 'late_marks', 'stage'];
const expected: Record<string, (string | number)[]> = {
	[P1]: [10, 8, '80.0', '1.0', 0, 2, 0, 0, 0, 'None'],
	[P3]: [10, 9, '90.0', '0.5', 1, 0, 0, 0, 0, 'None'],
	[P8]: [10, 8, '80.0', '1.0', 2, 0, 0, 0, 0, 'Stage 1'],
	[P10]: [10, 8, '80.0', '1.0', 0, 2, 0, 0, 0, 'None'],
	[P11]: [10, 9, '90.0', '0.5', 0, 1, 0, 1, 1, 'None'],
	[P12]: [10, 10, '100.0', '0.0', 0, 0, 1, 0, 1, 'None']
};
const present = [10, 10, '100.0', '0.0', 0, 0, 0, 0, 0, 'None'];

/** CSV text → rows keyed by header (no quoted commas in these files). */
function parse(text: string): Record<string, string>[] {
	const [header, ...lines] = text.trim().split('\n');
	const names = header.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
}
const figuresOf = (row: Record<string, string>) => FIGURES.map((f) => (/^\d+$/.test(row[f]) && !f.includes('percent') && f !== 'days_lost' ? Number(row[f]) : row[f]));

let warehouse: Warehouse;

beforeAll(async () => {
	warehouse = await freshWarehouse();
	await importFile(warehouse, tempFile('schools.csv', SCHOOLS));
	await importFile(warehouse, tempFile('register.csv', register()));
	await importFile(warehouse, tempFile('pupils.csv', pupils()));
	await importFile(warehouse, tempFile('terms.csv', TERM_DATES));
	process.env.ATTENDANCE_DB = warehouse.path;
});

describe('reports to parents', () => {
	it('gives each pupil’s half-term figures as a mail-merge CSV, one row per pupil', async () => {
		const report = await parentsReport(warehouse, { school: URN, halfTermDate: '2024-11-06' });
		const rows = parse(parentsCsv(report.rows));
		expect(parentsCsv(report.rows).split('\n')[0]).toBe(PARENTS_COLUMNS.join(','));
		expect(rows.map((r) => r.upn)).toEqual(PUPILS); // Year 7, by surname
		for (const row of rows) expect([row.upn, ...figuresOf(row)]).toEqual([row.upn, ...(expected[row.upn] ?? present)]);
		expect(rows[0]).toMatchObject({
			forename: 'Pupil1', surname: 'Surname01', year_group: 'Year 7', school_urn: String(URN), school_name: 'Rowan Academy',
			half_term: 'Autumn 2', academic_year: '2024/25', half_term_start: '2024-11-04', half_term_end: '2024-12-20', data_to: '2024-11-08'
		});
		expect(rows[0].metric_version).toMatch(/^\d+\+[0-9a-f]{8}$/);
	});

	it('filters by year group and by a list of pupils', async () => {
		expect((await parentsReport(warehouse, { school: URN, halfTermDate: '2024-11-04', yearGroup: 'Year 8' })).rows).toEqual([]);
		const some = await parentsReport(warehouse, { school: URN, halfTermDate: '2024-11-04', upns: parseUpns(`${P8.toLowerCase()}, ${P12}\n`) });
		expect(some.rows.map((r) => r.upn)).toEqual([P8, P12]);
		expect(() => parseUpns('A123, =cmd')).toThrow(/not a UPN/);
	});

	it('writes names a spreadsheet would run as a formula as plain text', async () => {
		const [row] = (await parentsReport(warehouse, { school: URN, halfTermDate: '2024-11-04', upns: [P1] })).rows;
		const line = parentsCsv([{ ...row, forename: '=HYPERLINK("http://x","y")', surname: '+Smith' }]).split('\n')[1];
		expect(line.startsWith(`${P1},"'=HYPERLINK(""http://x"",""y"")",'+Smith,Year 7,`)).toBe(true);
	});

	it('reports an earlier half-term named by any date in it', async () => {
		const report = await parentsReport(warehouse, { school: URN, halfTermDate: '2024-09-20' });
		const p8 = report.rows.find((r) => r.upn === P8)!;
		// Autumn 1: I I Mon, Tue, Wed: 6 authorised, 3 days; the year to 18 Oct: 6 sessions, no stage
		expect([p8.half_term, p8.data_to, p8.attended_sessions, p8.days_lost, p8.authorised_sessions, p8.stage]).toEqual(['Autumn 1', '2024-09-06', 4, 3, 6, null]);
	});

	it('serves the page and the download only to users who may see pupils (403 otherwise)', async () => {
		const { GET } = await import('../../src/routes/parents/download/+server');
		const { load } = await import('../../src/routes/parents/+page.server');
		const url = new URL(`http://localhost/parents/download?school=${URN}&ht=2024-11-04&yg=Year+7`);
		const status = async (run: () => unknown) => Promise.resolve().then(run).then(() => 200, (e: { status?: number }) => e.status ?? 500);
		expect(await status(() => GET({ url, locals: { user: governor } } as never))).toBe(403);
		expect(await status(() => load({ url, locals: { user: governor } } as never))).toBe(403);
		expect(await status(() => GET({ url, locals: { user: { ...admin, role: 'officer', schools: [999999] } } } as never))).toBe(403);
		const response = await GET({ url, locals: { user: admin } } as never);
		expect(response.headers.get('content-disposition')).toContain('attachment');
		expect(parse(await response.text())).toHaveLength(12);
		const page = (await load({ url, locals: { user: admin } } as never)) as { rows: unknown[] };
		expect(page.rows).toHaveLength(12);
	});
});

describe('npm run cli -- export parents', () => {
	const exec = promisify(execFile);
	const dir = mkdtempSync(join(tmpdir(), 'lens-parents-cli-'));
	const db = join(dir, 'warehouse.duckdb');
	const cli = async (...args: string[]) => {
		try {
			const { stdout, stderr } = await exec('npx', ['tsx', 'scripts/cli.ts', ...args, '--db', db], { encoding: 'utf8' });
			return { stdout, stderr, code: 0 };
		} catch (e) {
			const err = e as { stdout: string; stderr: string; code: number };
			return { stdout: err.stdout, stderr: err.stderr, code: err.code };
		}
	};

	it('writes the same CSV for the half-term named by its start date or a date in it', async () => {
		const files = [tempFile('schools.csv', SCHOOLS), tempFile('register.csv', register()), tempFile('pupils.csv', pupils()), tempFile('terms.csv', TERM_DATES)];
		const imported = await cli('import', ...files);
		expect(imported.code, imported.stderr).toBe(0);
		const out = join(dir, 'parents.csv');
		const result = await cli('export', 'parents', '--half-term', '2024-11-07', '--school', String(URN), '--out', out);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toContain('Wrote 12 pupils');
		const rows = parse(readFileSync(out, 'utf8'));
		expect(rows).toHaveLength(12);
		for (const row of rows) expect(figuresOf(row)).toEqual(expected[row.upn] ?? present);
		const byStart = join(dir, 'by-start.csv');
		expect((await cli('export', 'parents', '--half-term', '2024-11-04', '--out', byStart)).code).toBe(0);
		expect(readFileSync(byStart, 'utf8')).toBe(readFileSync(out, 'utf8'));
		// a date in no half-term, and a missing --out
		expect((await cli('export', 'parents', '--half-term', '2024-10-25', '--out', join(dir, 'none.csv'))).code).toBe(1);
		expect((await cli('export', 'parents', '--half-term', '2024-11-04')).code).toBe(2);
	});
});
