import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { buildLaExport, laCsv, LA_COLUMNS, type LaExportOptions } from '../../src/lib/server/exports/la';
import { metricVersion } from '../../src/lib/server/exports/provenance';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, tempFile } from '../helpers/warehouse';
import { upn } from '../helpers/upn';

// A hand-built primary school (URN 100001) in 2024/25, with imported term dates, four school days:
// Tue 3 Sep, Wed 4 Sep (autumn), Mon 13 Jan (spring), Mon 9 and Tue 10 Jun (summer): 10 sessions each, AM then PM.
// Every expected figure is worked out below in plain TypeScript from these tables, not by the product.
const URN = 100001;
const DAYS = ['2024-09-03', '2024-09-04', '2025-01-13', '2025-06-09', '2025-06-10'];
const TERM_OF_DAY = ['autumn', 'autumn', 'spring', 'summer', 'summer'];

interface Pupil {
	id: string;
	csv: string; // UPN,Forename,Surname,Sex,DateOfBirth,YearGroup,FSM,SEN,EAL,Ethnicity,CLA (without the UPN)
	/** The groups the pupil should land in (the labels the DfE-style breakdowns use). */
	groups: Record<string, string>;
	/** Aged 5 to 15 on 31 August 2024. */
	nationalCohort: boolean;
	/** 10 marks: AM, PM of each day in DAYS ('/' and '\' where present). */
	marks: string[];
}

const present = (): string[] => DAYS.flatMap(() => ['/', '\\']);
const withMarks = (changes: Record<number, string>): string[] => present().map((m, i) => changes[i] ?? m);
const g = (sex: string, fsm: string, sen: string, eal: string, eth: string, cla: string, year = 'Year 5') => ({
	'Year group': year,
	Sex: sex,
	'FSM eligibility': fsm,
	'SEN provision': sen,
	EAL: eal,
	'Ethnicity major group': eth,
	CLA: cla
});
const F = 'Female', M = 'Male', FSM = 'FSM eligible', NOFSM = 'Not FSM eligible', NO = 'No SEN', K = 'SEN support';
const E = 'EHC plan', EAL = 'EAL', NOEAL = 'Not EAL', W = 'White', A = 'Asian', B = 'Black', NCLA = 'Not looked after';

// Year 5 in 2024/25: born 1 Sep 2014 – 31 Aug 2015.
const PUPILS: Pupil[] = [
	{ id: '873400130001', csv: 'Ann,Ash,F,2014-10-01,5,Y,N,N,WBRI,N', groups: g(F, FSM, NO, NOEAL, W, NCLA), nationalCohort: true, marks: withMarks({ 0: 'I', 1: 'I' }) },
	{ id: '873400130002', csv: 'Bea,Birch,F,2015-02-01,5,N,K,N,WBRI,N', groups: g(F, NOFSM, K, NOEAL, W, NCLA), nationalCohort: true, marks: withMarks({ 2: 'M' }) },
	{ id: '873400130003', csv: 'Cat,Cole,F,2015-03-01,5,Y,N,N,WBRI,N', groups: g(F, FSM, NO, NOEAL, W, NCLA), nationalCohort: true, marks: withMarks({ 4: 'G', 5: 'G', 6: 'G', 7: 'G', 8: 'G', 9: 'G' }) },
	{ id: '873400130004', csv: 'Dee,Dale,F,2015-04-01,5,N,N,Y,WBRI,N', groups: g(F, NOFSM, NO, EAL, W, NCLA), nationalCohort: true, marks: withMarks({ 8: 'I' }) },
	{ id: '873400130005', csv: 'Eve,Elm,F,2015-05-01,5,N,N,Y,WBRI,N', groups: g(F, NOFSM, NO, EAL, W, NCLA), nationalCohort: true, marks: withMarks({ 0: 'U' }) },
	{ id: '873400130006', csv: 'Fay,Fir,F,2015-06-01,5,N,E,N,WBRI,N', groups: g(F, NOFSM, E, NOEAL, W, NCLA), nationalCohort: true, marks: withMarks({ 6: 'O', 7: 'O' }) },
	{ id: '873400130007', csv: 'Gil,Gale,F,2015-07-01,5,N,N,N,WBRI,Y', groups: g(F, NOFSM, NO, NOEAL, W, 'Looked after'), nationalCohort: true, marks: present() },
	{ id: '873400130008', csv: 'Hal,Hay,M,2014-09-01,5,N,N,Y,APKN,N', groups: g(M, NOFSM, NO, EAL, A, NCLA), nationalCohort: true, marks: withMarks({ 0: 'N' }) },
	{ id: '873400130009', csv: 'Ian,Ivy,M,2014-12-01,5,N,N,Y,APKN,N', groups: g(M, NOFSM, NO, EAL, A, NCLA), nationalCohort: true, marks: present() },
	// two not-possible marks (#): 6 possible sessions
	{ id: '873400130010', csv: 'Jo,Jay,M,2015-01-01,5,N,K,N,BCRB,N', groups: g(M, NOFSM, K, NOEAL, B, NCLA), nationalCohort: true, marks: withMarks({ 4: 'I', 5: 'I', 6: '#', 7: '#' }) },
	{ id: '873400130011', csv: 'Kit,Kew,M,2015-08-31,5,Y,N,N,WBRI,N', groups: g(M, FSM, NO, NOEAL, W, NCLA), nationalCohort: true, marks: withMarks({ 0: 'I', 1: 'I', 2: 'I', 3: 'I' }) },
	// no date of birth: in the national cohort by its year group (Year 5); no ethnicity: Unclassified
	{ id: '873400130012', csv: 'Lee,Lime,M,,5,N,N,N,,N', groups: g(M, NOFSM, NO, NOEAL, 'Unclassified', NCLA), nationalCohort: true, marks: present() },
	// Reception, aged 4 on 31 August 2024: not in the national cohort
	{ id: '873400130013', csv: 'Mo,Moss,F,2020-01-15,R,N,N,N,WBRI,N', groups: g(F, NOFSM, NO, NOEAL, W, NCLA, 'Reception'), nationalCohort: false, marks: withMarks({ 0: 'I', 1: 'I' }) },
	// aged 16 on 31 August 2024 (Year 12): not in the national cohort
	{ id: '873400130014', csv: 'Ned,Nut,M,2008-06-01,12,N,N,N,WBRI,N', groups: g(M, NOFSM, NO, NOEAL, W, NCLA, 'Year 12'), nationalCohort: false, marks: withMarks({ 6: 'O', 7: 'O' }) }
];

const AUTHORISED: Record<string, string> = { I: 'sess_auth_illness', M: 'sess_auth_appointments' };
const UNAUTHORISED: Record<string, string> = { G: 'sess_unauth_holiday', U: 'sess_unauth_late', O: 'sess_unauth_other', N: 'sess_unauth_noyet' };
const NOT_POSSIBLE = new Set(['#']);

const UPNS = PUPILS.map((p) => upn(p.id));
const REGISTER =
	'URN,UPN,Date,Session,Mark\n' +
	PUPILS.flatMap((p, i) => p.marks.map((mark, k) => `${URN},${UPNS[i]},${DAYS[k >> 1]},${k % 2 ? 'PM' : 'AM'},${mark}`)).join('\n') +
	'\n';
const PUPILS_CSV =
	'UPN,Forename,Surname,Sex,DateOfBirth,YearGroup,FSM,SEN,EAL,Ethnicity,CLA\n' + PUPILS.map((p, i) => `${UPNS[i]},${p.csv}`).join('\n') + '\n';
const SCHOOLS = `URN,Name,LA,Estab,Phase\n${URN},Alder Primary,873,2001,Primary\n`;
const TERMS = `academic_year,term,half_term,start_date,end_date
2024/25,Autumn,Autumn 1,2024-09-02,2024-10-25
2024/25,Autumn,Autumn 2,2024-11-04,2024-12-20
2024/25,Spring,Spring 1,2025-01-06,2025-02-14
2024/25,Spring,Spring 2,2025-02-24,2025-04-04
2024/25,Summer,Summer 1,2025-04-22,2025-05-23
2024/25,Summer,Summer 2,2025-06-02,2025-07-22
`;

type Row = Record<string, unknown>;
const pct = (a: number, b: number) => Math.round((1000 * a) / b) / 10;

/** The expected export, worked out from the tables above: days up to and including the period's last term. */
function expected(term: 'autumn' | 'spring' | 'summer', nationalCohort: boolean): Row[] {
	const terms = { autumn: ['autumn'], spring: ['autumn', 'spring'], summer: ['autumn', 'spring', 'summer'] }[term];
	const per = PUPILS.filter((p) => !nationalCohort || p.nationalCohort).map((p) => {
		const marks = p.marks.filter((_, k) => terms.includes(TERM_OF_DAY[k >> 1]));
		const possible = marks.filter((m) => !NOT_POSSIBLE.has(m)).length;
		const authorised = marks.filter((m) => AUTHORISED[m]).length;
		const unauthorised = marks.filter((m) => UNAUTHORISED[m]).length;
		const reasons: Record<string, number> = {};
		for (const m of marks) {
			const field = AUTHORISED[m] ?? UNAUTHORISED[m];
			if (field) reasons[field] = (reasons[field] ?? 0) + 1;
		}
		return { p, possible, authorised, unauthorised, reasons };
	});
	const groups = new Map<string, typeof per>();
	for (const x of per) {
		for (const key of [['Total', 'All pupils'], ...Object.entries(x.p.groups)].map((kv) => kv.join('|')))
			groups.set(key, [...(groups.get(key) ?? []), x]);
	}
	return [...groups.entries()].map(([key, xs]) => {
		const [breakdown, breakdown_value] = key.split('|');
		const possible = xs.reduce((a, x) => a + x.possible, 0);
		const authorised = xs.reduce((a, x) => a + x.authorised, 0);
		const unauthorised = xs.reduce((a, x) => a + x.unauthorised, 0);
		const pa10 = xs.filter((x) => (x.authorised + x.unauthorised) * 10 >= x.possible).length;
		const pa50 = xs.filter((x) => (x.authorised + x.unauthorised) * 2 >= x.possible).length;
		const row: Row = {
			time_period: 202425,
			time_identifier: { autumn: 'Autumn term', spring: 'Autumn and spring term', summer: 'Full academic year' }[term],
			geographic_level: 'School',
			school_urn: URN,
			breakdown,
			breakdown_value,
			enrolments: xs.length,
			sess_possible: possible,
			sess_overall: authorised + unauthorised,
			sess_authorised: authorised,
			sess_unauthorised: unauthorised,
			sess_overall_percent: pct(authorised + unauthorised, possible),
			sess_authorised_percent: pct(authorised, possible),
			sess_unauthorised_percent: pct(unauthorised, possible),
			enrolments_pa_10_exact: pa10,
			enrolments_pa_10_exact_percent: pct(pa10, xs.length),
			enrolments_pa_50_exact: pa50,
			enrolments_pa_50_exact_percent: pct(pa50, xs.length)
		};
		for (const field of [...Object.values(AUTHORISED), ...Object.values(UNAUTHORISED)])
			row[field] = xs.reduce((a, x) => a + (x.reasons[field] ?? 0), 0);
		return row;
	});
}

const key = (r: Row) => `${r.breakdown}|${r.breakdown_value}`;
const byKey = (rows: Row[]) => Object.fromEntries(rows.map((r) => [key(r), r]));
const compared = (r: Row) => Object.fromEntries(Object.keys(expected('summer', false)[0]).map((c) => [c, r[c]]));

describe('the LA benchmark return', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('schools.csv', SCHOOLS));
		await importFile(w, tempFile('terms.csv', TERMS));
		await importFile(w, tempFile('pupils.csv', PUPILS_CSV));
		await importFile(w, tempFile('register.csv', REGISTER), { school: URN });
	});

	const run = (options: Partial<LaExportOptions>) =>
		buildLaExport(w, { year: '2024/25', term: null, school: URN, nationalCohort: false, threshold: 1, ...options });

	it('matches figures worked out by hand for each period, without suppression (threshold 1)', async () => {
		for (const term of ['autumn', 'spring', 'summer'] as const) {
			const exp = await run({ term: term === 'summer' ? null : term });
			const want = expected(term, false);
			expect(exp.rows.map(key).sort(), term).toEqual(want.map(key).sort());
			const got = byKey(exp.rows);
			for (const row of want) expect(compared(got[key(row)]), `${term} ${key(row)}`).toEqual(row);
		}
		// spot checks by hand, full year: possible 14 × 10 − 2 (#) = 138; authorised I 2+1+2+4+2 = 11, M 1 → 12;
		// unauthorised G 6, U 1, O 2+2, N 1 → 12; overall 24 / 138 = 17.4%. Persistent (absent × 10 ≥ possible):
		// P1 P2 P3 P4 P5 P6 P8 P10 P11 P13 P14 = 11 (P2, P4, P5, P8 at exactly 10%); severe: P3 (6 of 10) alone.
		const total = byKey((await run({})).rows)['Total|All pupils'];
		expect(total).toMatchObject({ enrolments: 14, sess_possible: 138, sess_authorised: 12, sess_unauthorised: 12, sess_overall_percent: 17.4 });
		expect(total).toMatchObject({ enrolments_pa_10_exact: 11, enrolments_pa_50_exact: 1, sess_auth_illness: 11, sess_unauth_holiday: 6 });
	});

	it('restricts to the national statistics cohort (aged 5 to 15 on 31 August 2024)', async () => {
		const exp = await run({ nationalCohort: true });
		const got = byKey(exp.rows);
		for (const row of expected('summer', true)) expect(compared(got[key(row)]), key(row)).toEqual(row);
		expect(got['Total|All pupils'].enrolments).toBe(12);
		expect(got['Year group|Reception']).toBeUndefined();
		expect(got['Year group|Year 12']).toBeUndefined();
	});

	it('has the DfE columns, the reason columns from the code table and the provenance columns', async () => {
		const exp = await run({});
		expect(exp.columns.slice(0, LA_COLUMNS.length)).toEqual(LA_COLUMNS);
		expect(exp.columns).toEqual(expect.arrayContaining(['sess_auth_illness', 'sess_auth_appointments', 'sess_unauth_holiday', 'sess_unauth_late', 'sess_unauth_other', 'sess_unauth_noyet']));
		expect(exp.columns.slice(-2)).toEqual(['metric_version', 'data_to']);
		expect(exp.rows[0]).toMatchObject({ metric_version: metricVersion(), data_to: '2025-06-10' });
		const csv = laCsv(exp).trim().split('\n');
		expect(csv[0]).toBe(exp.columns.join(','));
		expect(csv[1].startsWith('202425,Full academic year,School,100001,Total,All pupils,14,138,24,12,12,17.4,8.7,8.7,11,78.6,1,7.1,')).toBe(true);
	});

	it("withholds small groups as 'c' so that none can be worked out from the Total", async () => {
		const raw = byKey((await run({})).rows);
		const exp = await run({ threshold: 5 });
		const got = byKey(exp.rows);
		// FSM eligible has 3 pupils: withheld, and Not FSM eligible with it (it would give FSM away from the Total)
		expect(got['FSM eligibility|FSM eligible'].enrolments).toBe('c');
		expect(got['FSM eligibility|FSM eligible'].sess_overall_percent).toBe('c');
		expect(got['FSM eligibility|Not FSM eligible'].enrolments).toBe('c');
		// the Total (14) stands; its 1 severe absentee does not
		expect(got['Total|All pupils'].enrolments).toBe(14);
		expect(got['Total|All pupils'].enrolments_pa_50_exact).toBe('c');
		// Sex: 8 and 6 pupils, both shown
		expect(got['Sex|Female'].enrolments).toBe(8);
		expect(got['Sex|Male'].sess_possible).toBe(raw['Sex|Male'].sess_possible);
		// shown figures are the true ones; no breakdown has exactly one withheld group in any column
		for (const [k, row] of Object.entries(got))
			for (const c of exp.columns) if (row[c] !== 'c' && c !== 'metric_version' && c !== 'data_to') expect(row[c], `${k} ${c}`).toEqual(raw[k][c]);
		const additive = exp.columns.filter((c) => /^(enrolments|sess_)/.test(c) && !c.endsWith('_percent'));
		for (const breakdown of new Set(exp.rows.map((r) => r.breakdown))) {
			if (breakdown === 'Total') continue;
			const line = [...exp.rows.filter((r) => r.breakdown === breakdown), got['Total|All pupils']];
			for (const c of additive) expect(line.filter((r) => r[c] === 'c').length, `${breakdown} ${c}`).not.toBe(1);
		}
		// within each row, authorised reasons add up to sess_authorised: never exactly one withheld
		const authReasons = exp.reasonFields.filter((f) => f.category === 'authorised').map((f) => f.field);
		for (const row of exp.rows) expect([row.sess_authorised, ...authReasons.map((f) => row[f])].filter((v) => v === 'c').length).not.toBe(1);
	});
});

describe('export la on the command line', () => {
	const exec = promisify(execFile);
	const dir = mkdtempSync(join(tmpdir(), 'lens-la-'));
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

	beforeAll(async () => {
		const files = [tempFile('schools.csv', SCHOOLS), tempFile('terms.csv', TERMS), tempFile('pupils.csv', PUPILS_CSV), tempFile('register.csv', REGISTER)];
		const result = await cli('import', ...files, '--school', String(URN));
		expect(result.code, result.stderr).toBe(0);
	}, 60_000);

	it('writes an XLSX with one sheet per breakdown and a Definitions sheet, readable by exceljs', async () => {
		const out = join(dir, 'la.xlsx');
		const result = await cli('export', 'la', '--year', '2024/25', '--term', 'autumn', '--school', String(URN), '--out', out);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toMatch(/Wrote \d+ rows \(1 school, Autumn term 2024\/25\)/);
		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile(out);
		expect(book.worksheets.map((s) => s.name)).toEqual([
			'Total', 'Year group', 'Sex', 'FSM eligibility', 'SEN provision', 'EAL', 'Ethnicity major group', 'CLA', 'Definitions'
		]);
		const total = book.getWorksheet('Total')!;
		const header = (total.getRow(1).values as unknown[]).slice(1);
		expect(header.slice(0, LA_COLUMNS.length)).toEqual(LA_COLUMNS);
		const values = Object.fromEntries(header.map((h, i) => [h, total.getRow(2).getCell(i + 1).value]));
		const want = byKey(expected('autumn', false))['Total|All pupils'];
		expect(values).toMatchObject({ time_period: 202425, time_identifier: 'Autumn term', enrolments: 14, sess_possible: want.sess_possible, sess_overall: want.sess_overall });
		// FSM eligible (3 pupils) withheld
		const fsm = book.getWorksheet('FSM eligibility')!;
		const fsmRows = [2, 3].map((r) => Object.fromEntries(header.map((h, i) => [h, fsm.getRow(r).getCell(i + 1).value])));
		expect(fsmRows.find((r) => r.breakdown_value === 'FSM eligible')!.enrolments).toBe('c');
		// the Definitions sheet records the metric version and the data's last marked date
		const defs = book.getWorksheet('Definitions')!;
		const lines = Object.fromEntries(defs.getSheetValues().slice(2).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
		expect(lines['Metric definitions version']).toBe(metricVersion());
		expect(lines['Data to (last marked date)']).toBe('4 Sep 2024');
		expect(lines['Period']).toBe('Autumn term');
		expect(lines['sess_auth_illness']).toMatch(/code I/);
	}, 60_000);

	it('writes a CSV for the national cohort and refuses bad options', async () => {
		const out = join(dir, 'la.csv');
		const ok = await cli('export', 'la', '--year', '2024/25', '--national-cohort', '--out', out);
		expect(ok.code, ok.stderr).toBe(0);
		const [header, total] = readFileSync(out, 'utf8').trim().split('\n');
		expect(header.split(',').slice(0, 3)).toEqual(['time_period', 'time_identifier', 'geographic_level']);
		expect(total.split(',').slice(4, 7)).toEqual(['Total', 'All pupils', '12']);
		expect((await cli('export', 'la', '--year', '2024-25', '--out', out)).code).toBe(2);
		expect((await cli('export', 'la', '--year', '2024/25', '--term', 'winter', '--out', out)).code).toBe(2);
		expect((await cli('export', 'la', '--year', '2024/25', '--out', join(dir, 'la.txt'))).code).toBe(2);
		expect((await cli('export', 'la', '--year', '2024/25', '--school', '999999', '--out', out)).stderr).toMatch(/not in the warehouse/);
	}, 60_000);
});
