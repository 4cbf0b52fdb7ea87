import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { freshWarehouse, rows as query, tempFile } from '../helpers/warehouse';
import { callArrow, statusOf, TEST_ADMIN } from '../helpers/api';
import { upn } from '../helpers/upn';
import type { Warehouse } from '../../src/lib/server/warehouse';

// A hand-built trust, every figure below worked out by hand. Each school day listed has an AM and a PM mark;
// unlisted marks are present (/ AM, \ PM). Absent = authorised + unauthorised; PA: absent × 10 ≥ possible,
// SA: absent × 2 ≥ possible, per pupil over each period.
//
// School A, URN 100001, Primary. P1 born 2015-03-01 (Year 3 in 2022/23, 4 in 2023/24, 5 in 2024/25), FSM;
// P2 born 2014-03-01 (Year 4, 5, 6), not FSM; P3 born 2015-05-01 (Year 5 in 2024/25), only # and Z marks:
// no possible session, counted nowhere.
//  2022/23, no term dates → inferred: Tue 6 Sep + Mon 12 Sep (6 days apart: one block) | Mon 7 Nov | Mon 9 Jan |
//    Mon 27 Feb | Fri 26 May | Fri 2 Jun (7 days apart: a new block) = six blocks, Autumn 1 … Summer 2.
//    P1: 9 Jan I I. P2: 7 Nov O (AM).
//  2023/24, term dates for every school and A's own (A's win): Mon 4 Sep (Autumn 1, to 20 Oct) | Mon 23 Oct (in
//    no half-term of A's; the every-school dates would put it in Autumn 1: counts in the year only) | Mon 6 Nov
//    (Autumn 2) | Mon 8 Jan | Mon 19 Feb | Mon 15 Apr | Mon 3 Jun + Mon 1 Jul (Summer 2).
//    P1: 23 Oct O O, 3 Jun I I. P2: 8 Jan M (AM).
//  2024/25, the chosen year, no term dates → inferred; the register stops on 13 January, so the year is under
//    way: Mon 2 Sep all # (INSET: not a school day) | Tue 3 + Wed 4 Sep | Mon 4 Nov | Mon 13 Jan = three blocks,
//    named by position Autumn 1, Autumn 2, Spring 1. P1: 3 Sep O O, 4 Sep I (AM). P2: 4 Nov I I.
// School B, URN 100002, Secondary. Q1 born 2010-03-01, FSM. 2022/23 only, inferred: Mondays 5 Sep, 3 Oct, 7 Nov,
//    9 Jan, 27 Feb, 24 Apr, 5 Jun = seven blocks, so 'Half-term 1' … 'Half-term 7'. Q1: 24 Apr O O.
const A = 100001;
const B = 100002;
const P1 = upn('873400127001');
const P2 = upn('873400127002');
const P3 = upn('873400127003');
const Q1 = upn('873400127004');

const lines: string[] = [];
function day(urn: number, date: string, marks: Record<string, [string, string]>, pupils = [P1, P2]) {
	for (const p of pupils) {
		const [am, pm] = marks[p] ?? ['/', '\\'];
		lines.push(`${urn},${p},${date},AM,${am}`, `${urn},${p},${date},PM,${pm}`);
	}
}
// 2022/23
for (const d of ['2022-09-06', '2022-09-12', '2023-02-27', '2023-05-26', '2023-06-02']) day(A, d, {});
day(A, '2022-11-07', { [P2]: ['O', '\\'] });
day(A, '2023-01-09', { [P1]: ['I', 'I'] });
// 2023/24
for (const d of ['2023-09-04', '2023-11-06', '2024-02-19', '2024-04-15', '2024-07-01']) day(A, d, {});
day(A, '2023-10-23', { [P1]: ['O', 'O'] });
day(A, '2024-01-08', { [P2]: ['M', '\\'] });
day(A, '2024-06-03', { [P1]: ['I', 'I'] });
// 2024/25
day(A, '2024-09-02', { [P1]: ['#', '#'], [P2]: ['#', '#'], [P3]: ['#', '#'] }, [P1, P2, P3]);
day(A, '2024-09-03', { [P1]: ['O', 'O'], [P3]: ['Z', 'Z'] }, [P1, P2, P3]);
day(A, '2024-09-04', { [P1]: ['I', '\\'], [P3]: ['Z', 'Z'] }, [P1, P2, P3]);
day(A, '2024-11-04', { [P2]: ['I', 'I'] });
day(A, '2025-01-13', {});
// school B, 2022/23
for (const d of ['2022-09-05', '2022-10-03', '2022-11-07', '2023-01-09', '2023-02-27', '2023-06-05']) day(B, d, {}, [Q1]);
day(B, '2023-04-24', { [Q1]: ['O', 'O'] }, [Q1]);
const REGISTER = `URN,UPN,Date,Session,Mark\n${lines.join('\n')}\n`;

const SCHOOLS = `URN,Name,LA,Estab,Phase\n${A},Alder Primary,873,2001,Primary\n${B},Beech Academy,873,4001,Secondary\n`;
const PUPILS = `UPN,Forename,Surname,Sex,DateOfBirth,FSM,SEN\n${P1},Amy,Able,F,2015-03-01,Y,N\n${P2},Ben,Brook,M,2014-03-01,N,N
${P3},Cara,Cole,F,2015-05-01,N,N\n${Q1},Dan,Dale,M,2010-03-01,Y,N\n`;
const HALF_TERMS = ['Autumn,Autumn 1', 'Autumn,Autumn 2', 'Spring,Spring 1', 'Spring,Spring 2', 'Summer,Summer 1', 'Summer,Summer 2'];
const terms = (dates: string[][]) =>
	`academic_year,term,half_term,start_date,end_date\n${dates.map(([s, e], i) => `2023/24,${HALF_TERMS[i]},${s},${e}`).join('\n')}\n`;
const EVERY_SCHOOL_TERMS = terms([['2023-09-04', '2023-10-27'], ['2023-11-06', '2023-12-22'], ['2024-01-08', '2024-02-09'],
	['2024-02-19', '2024-03-28'], ['2024-04-15', '2024-05-24'], ['2024-06-03', '2024-07-19']]);
const A_TERMS = terms([['2023-09-04', '2023-10-20'], ['2023-10-30', '2023-12-20'], ['2024-01-08', '2024-02-09'],
	['2024-02-19', '2024-03-28'], ['2024-04-15', '2024-05-24'], ['2024-06-03', '2024-07-19']]);

let GET: typeof import('../../src/routes/api/overview/[dataset]/+server').GET;
let warehouse: Warehouse;
type Row = Record<string, unknown>;
const get = async (query: string) => (await callArrow(GET, `/api/overview/periods?${query}`, { dataset: 'periods' })).rows;
const find = (rows: Row[], grain: string, year: string, label: string) =>
	rows.find((r) => r.grain === grain && r.academic_year === year && r.label === label);
/** [pupils, possible, authorised, unauthorised, persistent pupils, severe pupils, first day, last day] */
const parts = (r: Row | undefined) =>
	r && [r.pupils, r.possible_sessions, r.authorised_sessions, r.unauthorised_sessions, r.persistent_pupils, r.severe_pupils, r.start_date, r.end_date];

beforeAll(async () => {
	warehouse = await freshWarehouse();
	await importFile(warehouse, tempFile('schools.csv', SCHOOLS));
	await importFile(warehouse, tempFile('register.csv', REGISTER));
	await importFile(warehouse, tempFile('pupils.csv', PUPILS));
	await importFile(warehouse, tempFile('terms-all.csv', EVERY_SCHOOL_TERMS));
	await importFile(warehouse, tempFile('terms-a.csv', A_TERMS), { school: A });
	process.env.ATTENDANCE_DB = warehouse.path;
	({ GET } = await import('../../src/routes/api/overview/[dataset]/+server'));
});

describe('/api/overview/periods', () => {
	it('answers Arrow with one row per half-term, term and year of the chosen year and the two before', async () => {
		const answer = await callArrow(GET, `/api/overview/periods?year=2024/25&school=${A}`, { dataset: 'periods' });
		expect(answer.contentType).toBe('application/vnd.apache.arrow.stream');
		expect(answer.columns.slice(0, 6)).toEqual(['grain', 'academic_year', 'label', 'term', 'start_date', 'end_date']);
		const HT = ['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2'].map((l) => `half_term ${l}`);
		const TERMS = ['term Autumn', 'term Spring', 'term Summer'];
		expect(answer.rows.map((r) => `${r.academic_year} ${r.grain} ${r.label} ${r.calendar}`)).toEqual([
			...[...HT, ...TERMS, 'year 2022/23', 'year_to_date 2022/23'].map((p) => `2022/23 ${p} inferred`),
			...[...HT, ...TERMS, 'year 2023/24', 'year_to_date 2023/24'].map((p) => `2023/24 ${p} imported`),
			...['half_term Autumn 1', 'half_term Autumn 2', 'half_term Spring 1', 'term Autumn', 'term Spring', 'year 2024/25'].map(
				(p) => `2024/25 ${p} inferred`
			)
		]);
	});

	it('counts each period from its own marks, persistent and severe absence per pupil over the period', async () => {
		const rows = await get(`year=2024/25&school=${A}`);
		// 2022/23 (inferred half-terms)
		expect(parts(find(rows, 'half_term', '2022/23', 'Autumn 1'))).toEqual([2, 8, 0, 0, 0, 0, '2022-09-06', '2022-09-12']);
		// P2 misses 1 of 2: 1 × 10 ≥ 2 and 1 × 2 ≥ 2, persistent and severe for the half-term
		expect(parts(find(rows, 'half_term', '2022/23', 'Autumn 2'))).toEqual([2, 4, 0, 1, 1, 1, '2022-11-07', '2022-11-07']);
		expect(parts(find(rows, 'half_term', '2022/23', 'Summer 2'))).toEqual([2, 4, 0, 0, 0, 0, '2023-06-02', '2023-06-02']);
		// over the autumn term P2 misses 1 of 6: persistent (10 ≥ 6), not severe (2 < 6)
		expect(parts(find(rows, 'term', '2022/23', 'Autumn'))).toEqual([2, 12, 0, 1, 1, 0, '2022-09-06', '2022-11-07']);
		// spring: P1 misses 2 of 4, severe (4 ≥ 4)
		expect(parts(find(rows, 'term', '2022/23', 'Spring'))).toEqual([2, 8, 2, 0, 1, 1, '2023-01-09', '2023-02-27']);
		// the year: P1 2 of 14 (20 ≥ 14: persistent), P2 1 of 14 (10 < 14)
		expect(parts(find(rows, 'year', '2022/23', '2022/23'))).toEqual([2, 28, 2, 1, 1, 0, '2022-09-06', '2023-06-02']);
		// to 13 January 2023 (the chosen year's last day, a year back): P1 2 of 8 and P2 1 of 8, both persistent
		expect(parts(find(rows, 'year_to_date', '2022/23', '2022/23'))).toEqual([2, 16, 2, 1, 2, 0, '2022-09-06', '2023-01-09']);

		// 2023/24 (A's own term dates): 23 October is in none of A's half-terms, so in the year only
		expect(parts(find(rows, 'half_term', '2023/24', 'Autumn 1'))).toEqual([2, 4, 0, 0, 0, 0, '2023-09-04', '2023-09-04']);
		expect(parts(find(rows, 'term', '2023/24', 'Autumn'))).toEqual([2, 8, 0, 0, 0, 0, '2023-09-04', '2023-11-06']);
		expect(parts(find(rows, 'half_term', '2023/24', 'Spring 1'))).toEqual([2, 4, 1, 0, 1, 1, '2024-01-08', '2024-01-08']);
		expect(parts(find(rows, 'term', '2023/24', 'Spring'))).toEqual([2, 8, 1, 0, 1, 0, '2024-01-08', '2024-02-19']);
		expect(parts(find(rows, 'half_term', '2023/24', 'Summer 2'))).toEqual([2, 8, 2, 0, 1, 1, '2024-06-03', '2024-07-01']);
		expect(parts(find(rows, 'term', '2023/24', 'Summer'))).toEqual([2, 12, 2, 0, 1, 0, '2024-04-15', '2024-07-01']);
		// the year: 8 days; P1 4 of 16 (persistent), P2 1 of 16
		expect(parts(find(rows, 'year', '2023/24', '2023/24'))).toEqual([2, 32, 3, 2, 1, 0, '2023-09-04', '2024-07-01']);
		// half-terms hold 28 of the year's 32 possible sessions: the 23 October day is outside them
		const halfTerms = rows.filter((r) => r.grain === 'half_term' && r.academic_year === '2023/24');
		expect(halfTerms.reduce((s, r) => s + (r.possible_sessions as number), 0)).toBe(28);
		expect(parts(find(rows, 'year_to_date', '2023/24', '2023/24'))).toEqual([2, 16, 1, 2, 2, 0, '2023-09-04', '2024-01-08']);

		// 2024/25: P1 misses 3 of 4 in Autumn 1 (severe); P2 2 of 2 in Autumn 2; P3 (no possible session) nowhere
		expect(parts(find(rows, 'half_term', '2024/25', 'Autumn 1'))).toEqual([2, 8, 1, 2, 1, 1, '2024-09-03', '2024-09-04']);
		expect(parts(find(rows, 'half_term', '2024/25', 'Autumn 2'))).toEqual([2, 4, 2, 0, 1, 1, '2024-11-04', '2024-11-04']);
		expect(parts(find(rows, 'half_term', '2024/25', 'Spring 1'))).toEqual([2, 4, 0, 0, 0, 0, '2025-01-13', '2025-01-13']);
		// autumn term: P1 3 of 6 (severe: 6 ≥ 6), P2 2 of 6 (persistent)
		expect(parts(find(rows, 'term', '2024/25', 'Autumn'))).toEqual([2, 12, 3, 2, 2, 1, '2024-09-03', '2024-11-04']);
		const year = find(rows, 'year', '2024/25', '2024/25')!;
		expect(parts(year)).toEqual([2, 16, 3, 2, 2, 0, '2024-09-03', '2025-01-13']);
		// 5 absent of 16: attendance 11/16; 5 sessions / 2 / 2 pupils = 1.25 days each
		expect(year.absent_sessions).toBe(5);
		expect(year.attendance_rate).toBeCloseTo(11 / 16, 12);
		expect(year.overall_absence_rate).toBeCloseTo(5 / 16, 12);
		expect(year.authorised_absence_rate).toBeCloseTo(3 / 16, 12);
		expect(year.unauthorised_absence_rate).toBeCloseTo(2 / 16, 12);
		expect(year.persistent_percent).toBe(1);
		expect(year.severe_percent).toBe(0);
		expect(year.days_missed_per_pupil).toBe(1.25);
	});

	it('gives the national figure of the same period and phase, and none where none is published', async () => {
		const rows = await get(`year=2024/25&school=${A}`);
		// a primary school: 2023/24 state-funded primary overall absence 5.5% (no primary PA figure is shipped)
		const y2324 = find(rows, 'year', '2023/24', '2023/24')!;
		expect(y2324.national_school_type).toBe('State-funded primary');
		expect(y2324.national_overall_absence_rate).toBeCloseTo(0.055, 12);
		expect(y2324.national_persistent_percent).toBeNull();
		expect(y2324.national_source).toBe('Pupil absence in schools in England (annual)');
		expect(y2324.national_period).toBe('2023/24, full academic year, to 31 Aug 2024');
		// 2022/23 and 2024/25 have figures for all schools only: not borrowed for a primary school
		for (const y of ['2022/23', '2024/25']) {
			const r = find(rows, 'year', y, y)!;
			expect([r.national_overall_absence_rate, r.national_source, r.national_period]).toEqual([null, null, null]);
		}
		// half-terms never have one
		expect(rows.filter((r) => r.grain === 'half_term').every((r) => r.national_overall_absence_rate === null)).toBe(true);

		// the trust mixes phases: all state-funded schools; 2022/23 full year 7.4% / 5.0% / 2.4% / PA 21.2% / SA 2.0%
		const trust = await get('year=2024/25');
		const t2223 = find(trust, 'year', '2022/23', '2022/23')!;
		expect(t2223.national_school_type).toBe('State-funded primary secondary and special');
		expect([t2223.national_overall_absence_rate, t2223.national_authorised_absence_rate, t2223.national_unauthorised_absence_rate,
			t2223.national_persistent_percent, t2223.national_severe_percent].map((v) => Math.round((v as number) * 1000) / 10)).toEqual([7.4, 5, 2.4, 21.2, 2]);
		const t2425 = find(trust, 'year', '2024/25', '2024/25')!;
		expect(t2425.national_overall_absence_rate).toBeCloseTo(0.069, 12);
		expect(t2425.national_persistent_percent).toBeCloseTo(0.187, 12);
		expect(t2425.national_source).toBe('Pupil attendance in schools (daily collection)');
		// the 2024/25 autumn term is published only by FSM and SEN group, so not for all pupils
		expect(find(trust, 'term', '2024/25', 'Autumn')!.national_overall_absence_rate).toBeNull();

		// with the FSM cohort filter, the FSM-eligible figure for the autumn term (10.0%, PA 31.7%): only P1 (Q1 has
		// no 2024/25 marks), 3 of 6 absent
		const fsm = await get('year=2024/25&cohort=fsm:FSM%20eligible');
		const autumn = find(fsm, 'term', '2024/25', 'Autumn')!;
		expect(parts(autumn)).toEqual([1, 6, 1, 2, 1, 1, '2024-09-03', '2024-11-04']);
		expect(autumn.national_overall_absence_rate).toBeCloseTo(0.1, 12);
		expect(autumn.national_persistent_percent).toBeCloseTo(0.317, 12);
		expect(autumn.national_period).toBe('2024/25, autumn term, to 31 Dec 2024');
		expect(find(fsm, 'year', '2024/25', '2024/25')!.national_overall_absence_rate).toBeNull();
		// From/To cutting into the term: not the whole term, so no national figure
		const cut = await get('year=2024/25&cohort=fsm:FSM%20eligible&from=2024-09-01&to=2024-10-31');
		expect(find(cut, 'term', '2024/25', 'Autumn')!.national_overall_absence_rate).toBeNull();
	});

	it('groups the trust by half-term name, each school by its own calendar', async () => {
		const rows = await get('year=2024/25');
		const labels = rows.filter((r) => r.grain === 'half_term' && r.academic_year === '2022/23').map((r) => r.label);
		// A's six inferred half-terms and B's seven (more than six: numbered), by first day (then name)
		expect(labels).toEqual(['Half-term 1', 'Autumn 1', 'Half-term 2', 'Autumn 2', 'Half-term 3', 'Half-term 4', 'Spring 1',
			'Half-term 5', 'Spring 2', 'Half-term 6', 'Summer 1', 'Summer 2', 'Half-term 7']);
		// B's half-terms 1-3 start in September-November: the autumn term. A: 12 sessions, 1 absent; B: 6, none
		expect(parts(find(rows, 'term', '2022/23', 'Autumn'))).toEqual([3, 18, 0, 1, 1, 0, '2022-09-05', '2022-11-07']);
		// Q1 misses 2 of 14: persistent (20 ≥ 14), with P1
		expect(parts(find(rows, 'year', '2022/23', '2022/23'))).toEqual([3, 42, 2, 3, 2, 0, '2022-09-05', '2023-06-05']);
		// to 13 January 2023: A 16 sessions (3 absent, P1 and P2 persistent), B 8 (none)
		expect(parts(find(rows, 'year_to_date', '2022/23', '2022/23'))).toEqual([3, 24, 2, 1, 2, 0, '2022-09-05', '2023-01-09']);
	});

	it("reads each year's year group, and narrows every year to the same dates", async () => {
		// Year 5: P1 in 2024/25, P2 in 2023/24, nobody in 2022/23; no national figure for a year group
		const rows = await get(`year=2024/25&school=${A}&yg=Year%205`);
		expect(parts(find(rows, 'year', '2024/25', '2024/25'))).toEqual([1, 8, 1, 2, 1, 0, '2024-09-03', '2025-01-13']);
		expect(parts(find(rows, 'year', '2023/24', '2023/24'))).toEqual([1, 16, 1, 0, 0, 0, '2023-09-04', '2024-07-01']);
		expect(rows.some((r) => r.academic_year === '2022/23')).toBe(false);
		expect(rows.every((r) => r.national_overall_absence_rate === null)).toBe(true);

		// September only, in each of the three years
		const sept = await get(`year=2024/25&school=${A}&from=2024-09-01&to=2024-09-30`);
		expect(parts(find(sept, 'year', '2024/25', '2024/25'))).toEqual([2, 8, 1, 2, 1, 1, '2024-09-03', '2024-09-04']);
		expect(parts(find(sept, 'year', '2023/24', '2023/24'))).toEqual([2, 4, 0, 0, 0, 0, '2023-09-04', '2023-09-04']);
		expect(parts(find(sept, 'year', '2022/23', '2022/23'))).toEqual([2, 8, 0, 0, 0, 0, '2022-09-06', '2022-09-12']);
		expect(sept.filter((r) => r.grain === 'half_term').map((r) => `${r.academic_year} ${r.label}`)).toEqual([
			'2022/23 Autumn 1', '2023/24 Autumn 1', '2024/25 Autumn 1'
		]);
	});

	it('answers only the grains asked for', async () => {
		const rows = await get(`year=2024/25&school=${A}&grains=term,year`);
		expect(new Set(rows.map((r) => r.grain))).toEqual(new Set(['term', 'year']));
		expect(rows).toHaveLength(3 + 3 + 2 + 3);
	});

	it('has no year-to-date rows once the chosen year is over', async () => {
		const rows = await get(`year=2023/24&school=${A}`);
		expect(rows.filter((r) => r.grain === 'year_to_date')).toEqual([]);
		expect(rows.filter((r) => r.grain === 'year').map((r) => r.academic_year)).toEqual(['2022/23', '2023/24']);
	});

	it('refuses unknown datasets and malformed filters', async () => {
		expect(await statusOf(GET, '/api/overview/nothing', { dataset: 'nothing' })).toBe(404);
		expect(await statusOf(GET, '/api/overview/periods?year=2024', { dataset: 'periods' })).toBe(400);
		expect(await statusOf(GET, '/api/overview/periods?school=abc', { dataset: 'periods' })).toBe(400);
		expect(await statusOf(GET, '/api/overview/periods?grains=week', { dataset: 'periods' })).toBe(400);
		expect(await statusOf(GET, '/api/overview/periods?year=2030/31', { dataset: 'periods' })).toBe(404);
	});
});

describe('the half-term calendar', () => {
	it('uses a school’s own term dates, else every school’s, else infers them from the register', async () => {
		const calendar = await query(
			warehouse,
			`SELECT school_urn, academic_year, half_term, start_date, end_date, source FROM half_terms(DATE '2023-09-01', DATE '2024-08-31', NULL)
			 ORDER BY school_urn, start_date`
		);
		// A: its own dates; B: the every-school dates (it has no marks that year, but the calendar still applies)
		expect(calendar.filter((r) => r.school_urn === A).map((r) => `${r.half_term} ${r.start_date} ${r.end_date} ${r.source}`).slice(0, 2))
			.toEqual(['Autumn 1 2023-09-04 2023-10-20 imported', 'Autumn 2 2023-10-30 2023-12-20 imported']);
		expect(calendar.filter((r) => r.school_urn === B)[0]).toMatchObject({ half_term: 'Autumn 1', end_date: '2023-10-27', source: 'imported' });
	});
});

describe('the attendance target', () => {
	it('is 96% by default, the trust’s where a school has none, and the school’s own once set', async () => {
		const { readTarget } = await import('../../src/lib/server/targets');
		const { actions } = await import('../../src/routes/overview/+page.server');
		const post = async (fields: Record<string, string>) => {
			const url = new URL('http://localhost/overview?/target');
			const body = new URLSearchParams(fields);
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			return (actions.target as any)({ url, request: new Request(url, { method: 'POST', body }), locals: { user: TEST_ADMIN } });
		};
		expect(await readTarget(warehouse, A)).toMatchObject({ target_percent: 96, source: 'default', set_at: null });
		expect(await post({ school: '', target: '95' })).toMatchObject({ saved: true, target: 95 });
		expect(await readTarget(warehouse, null)).toMatchObject({ target_percent: 95, source: 'trust' });
		expect(await readTarget(warehouse, A)).toMatchObject({ target_percent: 95, source: 'trust' });
		await post({ school: String(A), target: '97.5' });
		expect(await readTarget(warehouse, A)).toMatchObject({ target_percent: 97.5, source: 'school' });
		expect(await readTarget(warehouse, B)).toMatchObject({ target_percent: 95, source: 'trust' });
		// the latest change counts; the history is kept
		await post({ school: String(A), target: '96.5' });
		expect(await readTarget(warehouse, A)).toMatchObject({ target_percent: 96.5, source: 'school' });
		expect(await query(warehouse, `SELECT count(*)::INTEGER AS n FROM school_targets WHERE school_urn = ${A}`)).toEqual([{ n: 2 }]);
		// refused: not a number, out of range, an unknown school
		for (const bad of [{ school: '', target: 'high' }, { school: '', target: '101' }, { school: '', target: '20' }, { school: '999', target: '95' }])
			expect(await post(bad)).toMatchObject({ status: 400 });
		expect(await readTarget(warehouse, null)).toMatchObject({ target_percent: 95 });
	});

	it('is saved as JSON by the page with JavaScript, and refused as a form post there', async () => {
		const { readTarget } = await import('../../src/lib/server/targets');
		const { POST } = await import('../../src/routes/overview/target/+server');
		const send = async (body: string, type = 'application/json') => {
			const url = new URL('http://localhost/overview/target');
			const request = new Request(url, { method: 'POST', body, headers: { 'content-type': type } });
			try {
				// eslint-disable-next-line @typescript-eslint/no-explicit-any
				const response = await POST({ url, request, locals: { user: TEST_ADMIN } } as any);
				return { status: response.status, body: await response.json() };
			} catch (e) {
				return { status: (e as { status?: number }).status ?? 500, body: null };
			}
		};
		expect(await send(JSON.stringify({ school: String(B), target: '93' }))).toEqual({ status: 200, body: { saved: true, school: B, target: 93 } });
		expect(await readTarget(warehouse, B)).toMatchObject({ target_percent: 93, source: 'school' });
		expect((await send(JSON.stringify({ school: '', target: '96.25' }))).status).toBe(400);
		expect((await send('school=&target=90', 'application/x-www-form-urlencoded')).status).toBe(415);
		expect((await send('{"target": "90"}', 'text/plain')).status).toBe(415);
		expect((await send('not json')).status).toBe(400);
		expect(await readTarget(warehouse, null)).toMatchObject({ target_percent: 95 });
	});
});
