import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { freshWarehouse, rows as query, tempFile } from '../helpers/warehouse';
import { callArrow, statusOf } from '../helpers/api';
import { upn } from '../helpers/upn';

// A hand-built school (URN 100001) for one week, Mon 2 – Fri 6 September 2024 (10 sessions), every figure
// below worked out by hand. Absent = authorised + unauthorised; PA: absent × 10 ≥ possible; SA: × 2.
const P1 = upn('873400126001'); // F, Year 7, FSM, PP, SEN support, White:        2 of 10 absent (I I)   → PA
const P2 = upn('873400126002'); // M, Year 7, FSM, PP, EHC plan, EAL, Asian, CLA: 5 of 10 absent (O × 5) → PA, SA
const P3 = upn('873400126003'); // F, Year 8, no FSM, no SEN, White:               0 of 10
const P4 = upn('873400126004'); // M, Year 8, no FSM, no SEN, Black:               1 of 10 (I)   → PA (exactly 10%)
const P5 = upn('873400126005'); // F, Year 7, no FSM, SEN support, White:          0 of 8 (Monday '#', not possible)
const P6 = upn('873400126006'); // M, Year 8, FSM, no SEN, White:                  only '#': no possible session, in no group
const P7 = upn('873400126007'); // sex unknown, Year 7, no FSM, no SEN, ethnicity unknown (Unclassified): 1 of 10 (M) → PA
// In scope: P1 P2 P3 P4 P5 P7 = 6 pupils, 58 possible sessions, 9 absent; persistent P1 P2 P4 P7 = 4; severe P2.

const DAYS = ['2024-09-02', '2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06'];
const lines: string[] = [];
function week(pupil: string, marks: Record<string, string> = {}, fill = '/') {
	for (const d of DAYS) for (const s of ['AM', 'PM']) lines.push(`${pupil},${d},${s},${marks[`${d} ${s}`] ?? (fill === '/' && s === 'PM' ? '\\' : fill)}`);
}
week(P1, { '2024-09-02 AM': 'I', '2024-09-02 PM': 'I' });
week(P2, { '2024-09-02 AM': 'O', '2024-09-02 PM': 'O', '2024-09-03 AM': 'O', '2024-09-03 PM': 'O', '2024-09-04 AM': 'O' });
week(P3);
week(P4, { '2024-09-06 PM': 'I' });
week(P5, { '2024-09-02 AM': '#', '2024-09-02 PM': '#' });
week(P6, {}, '#');
week(P7, { '2024-09-03 AM': 'M' });
const REGISTER = `UPN,Date,Session,Mark\n${lines.join('\n')}\n`;

const PUPILS = `UPN,Forename,Surname,Sex,YearGroup,FSM,PupilPremium,SEN,EAL,Ethnicity,CLA
${P1},Amy,Able,F,7,Y,Y,K,N,WBRI,N
${P2},Ben,Brook,M,7,Y,Y,E,Y,APKN,Y
${P3},Cara,Cole,F,8,N,N,N,N,WBRI,N
${P4},Dan,Dale,M,8,N,N,N,N,BCRB,N
${P5},Eve,Ellis,F,7,N,N,K,N,WIRI,N
${P6},Finn,Ford,M,8,Y,Y,N,N,WBRI,N
${P7},Gene,Gray,,7,N,N,N,N,,N
`;

const WEEK = 'from=2024-09-02&to=2024-09-06';
let GET: typeof import('../../src/routes/api/cohorts/[dataset]/+server').GET;
type Row = Record<string, unknown>;
const get = async (dataset: string, query = '') => callArrow(GET, `/api/cohorts/${dataset}?${WEEK}${query}`, { dataset });
const find = (rows: Row[], dimension: string, value: string) => rows.find((r) => r.dimension === dimension && r.value === value)!;

beforeAll(async () => {
	const w = await freshWarehouse();
	await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
	await importFile(w, tempFile('pupils.csv', PUPILS), { school: 100001 });
	// Local national figures beside the shipped ones (2024/25 Autumn term: FSM eligible 10.0% / PA 31.7%, not
	// FSM 5.2%, EHC plan 13.1%, SEN support 10.1%): a full-year FSM figure wins over the Autumn term, a Spring
	// term SEN support figure over the Autumn term; a 2023/24 figure is for another year.
	await query(w, `INSERT INTO national_benchmarks VALUES
		('2024/25', 'Full academic year', 'National', 'England', 'State-funded primary secondary and special', 'FSM eligibility', 'FSM eligible', 'overall_absence_rate', 9.5, 'Test full year', 'test'),
		('2024/25', 'Spring term', 'National', 'England', 'State-funded primary secondary and special', 'SEN provision', 'SEN support', 'overall_absence_rate', 11.0, 'Test spring', 'test'),
		('2023/24', 'Full academic year', 'National', 'England', 'State-funded primary secondary and special', 'SEN provision', 'No SEN', 'overall_absence_rate', 4.0, 'Test old year', 'test')`);
	process.env.ATTENDANCE_DB = w.path;
	({ GET } = await import('../../src/routes/api/cohorts/[dataset]/+server'));
});

describe('/api/cohorts/by_dimension', () => {
	it('gives every group its rates from summed parts, the gap to the rest of school and to national', async () => {
		const answer = await get('by_dimension');
		expect(answer.contentType).toBe('application/vnd.apache.arrow.stream');
		const r = answer.rows;
		// the dimensions in their fixed order, the values by sort key; no group for P7's unknown sex
		expect(r.map((x) => `${x.dimension}:${x.value}`)).toEqual([
			'year_group:Year 7', 'year_group:Year 8', 'sex:Female', 'sex:Male', 'fsm:FSM eligible', 'fsm:Not FSM eligible',
			'pupil_premium:Pupil premium', 'pupil_premium:Not pupil premium', 'sen:No SEN', 'sen:SEN support', 'sen:EHC plan',
			'eal:EAL', 'eal:Not EAL', 'ethnicity:White', 'ethnicity:Asian', 'ethnicity:Black', 'ethnicity:Unclassified',
			'cla:Looked after', 'cla:Not looked after'
		]);
		// FSM eligible: P1 + P2 (P6 has no possible session) = 20 possible, 7 absent; both PA, P2 SA.
		// Rest: P3 P4 P5 P7 = 38 possible, 2 absent; PA P4 P7 = 2 of 4.
		const fsm = find(r, 'fsm', 'FSM eligible');
		expect(fsm).toMatchObject({
			sort_key: 1, pupils: 2, possible_sessions: 20, absent_sessions: 7, absence_rate: 0.35,
			persistent_pupils: 2, persistent_percent: 1, severe_pupils: 1, severe_percent: 0.5,
			rest_pupils: 4, rest_possible_sessions: 38, rest_absent_sessions: 2, rest_persistent_percent: 0.5,
			// the local full-year figure (9.5%) is preferred to the shipped Autumn term one (10.0%)
			national_period: '2024/25, Full academic year, to 31 Aug 2025', national_source: 'Test full year',
			national_persistent_period: '2024/25, Autumn term, to 31 Dec 2024'
		});
		expect(fsm.rest_absence_rate).toBeCloseTo(2 / 38, 12);
		expect(fsm.gap_to_rest_points).toBeCloseTo((0.35 - 2 / 38) * 100, 10); // 29.74 points
		expect(fsm.gap_to_rest_persistent_points).toBeCloseTo(50, 10);
		expect(fsm.national_absence_rate).toBeCloseTo(0.095, 12);
		expect(fsm.gap_to_national_points).toBeCloseTo(25.5, 10);
		expect(fsm.national_persistent_percent).toBeCloseTo(0.317, 12);
		expect(fsm.gap_to_national_persistent_points).toBeCloseTo(68.3, 10);
		// Not FSM eligible is the mirror image; its national figure is the shipped Autumn term 5.2%
		const notFsm = find(r, 'fsm', 'Not FSM eligible');
		expect(notFsm).toMatchObject({ pupils: 4, possible_sessions: 38, absent_sessions: 2, persistent_pupils: 2, rest_pupils: 2, national_period: '2024/25, Autumn term, to 31 Dec 2024' });
		expect(notFsm.gap_to_rest_points).toBeCloseTo(-(fsm.gap_to_rest_points as number), 10);
		expect(notFsm.gap_to_national_points).toBeCloseTo((2 / 38 - 0.052) * 100, 10);
		// SEN: No SEN P3 P4 P7 (30 possible, 2 absent); SEN support P1 P5 (18, 2); EHC plan P2 (10, 5).
		expect(find(r, 'sen', 'No SEN')).toMatchObject({ pupils: 3, possible_sessions: 30, absent_sessions: 2, persistent_pupils: 2, national_period: '2024/25, Autumn term, to 31 Dec 2024' });
		expect(find(r, 'sen', 'No SEN').national_absence_rate).toBeCloseTo(0.058, 12); // not the 2023/24 4.0%
		const support = find(r, 'sen', 'SEN support');
		expect(support).toMatchObject({ pupils: 2, possible_sessions: 18, absent_sessions: 2, persistent_pupils: 1, national_period: '2024/25, Spring term, to 31 Mar 2025' });
		expect(support.absence_rate).toBeCloseTo(1 / 9, 12);
		expect(support.national_absence_rate).toBeCloseTo(0.11, 12);
		const ehc = find(r, 'sen', 'EHC plan');
		expect(ehc).toMatchObject({ pupils: 1, possible_sessions: 10, absent_sessions: 5, absence_rate: 0.5, severe_pupils: 1, rest_pupils: 5 });
		expect(ehc.gap_to_rest_points).toBeCloseTo((0.5 - 4 / 48) * 100, 10); // 41.67 points
		expect(ehc.gap_to_national_points).toBeCloseTo(50 - 13.1, 10);
		// Sex: P7 (unknown) is in no group but in the rest of both. Female P1 P3 P5 = 28 possible, 2 absent;
		// rest P2 P4 P7 = 30 possible, 7 absent. Male P2 P4 = 20, 6; rest P1 P3 P5 P7 = 38, 3.
		const female = find(r, 'sex', 'Female');
		expect(female).toMatchObject({ pupils: 3, possible_sessions: 28, absent_sessions: 2, rest_pupils: 3, rest_possible_sessions: 30, rest_absent_sessions: 7, national_absence_rate: null, national_period: null });
		expect(female.gap_to_rest_points).toBeCloseTo((2 / 28 - 7 / 30) * 100, 10);
		expect(find(r, 'sex', 'Male')).toMatchObject({ pupils: 2, possible_sessions: 20, absent_sessions: 6, rest_pupils: 4, rest_possible_sessions: 38, rest_absent_sessions: 3 });
		// year group as the pupils file gives it; P6 (Year 8) is not counted
		expect(find(r, 'year_group', 'Year 7')).toMatchObject({ pupils: 4, possible_sessions: 38, absent_sessions: 8, persistent_pupils: 3 });
		expect(find(r, 'year_group', 'Year 8')).toMatchObject({ pupils: 2, possible_sessions: 20, absent_sessions: 1, persistent_pupils: 1 });
		expect(find(r, 'ethnicity', 'Unclassified')).toMatchObject({ pupils: 1, possible_sessions: 10, absent_sessions: 1 });
		expect(find(r, 'cla', 'Looked after')).toMatchObject({ pupils: 1, absent_sessions: 5, severe_percent: 1 });
	});

	it('keeps to the filters: within FSM-eligible pupils the FSM group has no rest to compare with', async () => {
		const { rows } = await get('by_dimension', '&cohort=fsm:FSM%20eligible');
		const fsm = rows.filter((x) => x.dimension === 'fsm');
		expect(fsm).toHaveLength(1);
		expect(fsm[0]).toMatchObject({ pupils: 2, rest_pupils: 0, rest_possible_sessions: 0, rest_absence_rate: null, gap_to_rest_points: null, rest_persistent_percent: null });
		// SEN support within FSM: P1 alone (10 possible, 2 absent); its rest is P2 (10, 5)
		const support = find(rows, 'sen', 'SEN support');
		expect(support).toMatchObject({ pupils: 1, possible_sessions: 10, absent_sessions: 2, absence_rate: 0.2, rest_absence_rate: 0.5 });
		expect(support.gap_to_rest_points).toBeCloseTo(-30, 10);
		// national SEN support is of all pupils, not of FSM-eligible ones: no figure to compare with
		expect(support).toMatchObject({ national_absence_rate: null, gap_to_national_points: null, national_persistent_percent: null });
		// the year group filter: Year 8 holds P3 and P4 (P6 has no possible session)
		const y8 = await get('by_dimension', '&yg=Year%208&dimension=fsm');
		expect(y8.rows.map((x) => [x.value, x.pupils, x.possible_sessions, x.absent_sessions])).toEqual([['Not FSM eligible', 2, 20, 1]]);
		expect(y8.rows[0].national_absence_rate).toBeNull();
		// one dimension only
		const sen = await get('by_dimension', '&dimension=sen');
		expect(sen.rows.map((x) => x.value)).toEqual(['No SEN', 'SEN support', 'EHC plan']);
	});

	it('counts a single day, and answers no rows (with every column) for a range without marks', async () => {
		// Tuesday 3 September 2024: P2 O O, P7 M; P1's absences were on the Monday
		const day = await callArrow(GET, '/api/cohorts/by_dimension?from=2024-09-03&to=2024-09-03&dimension=sen', { dataset: 'by_dimension' });
		expect(day.rows.map((x) => [x.value, x.pupils, x.absent_sessions])).toEqual([['No SEN', 3, 1], ['SEN support', 2, 0], ['EHC plan', 1, 2]]);
		const before = await callArrow(GET, '/api/cohorts/by_dimension?from=2023-09-01&to=2024-08-31', { dataset: 'by_dimension' });
		expect(before.rows).toEqual([]);
		expect(before.columns).toContain('gap_to_national_points');
	});
});

describe('/api/cohorts/crossed', () => {
	it('crosses two dimensions, each cell with its count and its gap to everyone else', async () => {
		const { rows, columns } = await get('crossed', '&rows=fsm&cols=sen');
		expect(columns.slice(0, 6)).toEqual(['row_dimension', 'row_value', 'row_sort_key', 'col_dimension', 'col_value', 'col_sort_key']);
		expect(rows.map((x) => [x.row_value, x.col_value, x.pupils, x.possible_sessions, x.absent_sessions, x.persistent_pupils, x.severe_pupils])).toEqual([
			['FSM eligible', 'SEN support', 1, 10, 2, 1, 0], // P1
			['FSM eligible', 'EHC plan', 1, 10, 5, 1, 1], // P2
			['Not FSM eligible', 'No SEN', 3, 30, 2, 2, 0], // P3 P4 P7
			['Not FSM eligible', 'SEN support', 1, 8, 0, 0, 0] // P5
		]);
		expect(rows.every((x) => x.row_dimension === 'fsm' && x.col_dimension === 'sen')).toBe(true);
		// FSM + SEN support: 2 of 10 against the other 5 pupils' 7 of 48
		expect(rows[0].absence_rate).toBeCloseTo(0.2, 12);
		expect(rows[0].rest_pupils).toBe(5);
		expect(rows[0].rest_absence_rate).toBeCloseTo(7 / 48, 12);
		expect(rows[0].gap_to_rest_points).toBeCloseTo((0.2 - 7 / 48) * 100, 10);
		expect(rows[0].rest_persistent_percent).toBeCloseTo(3 / 5, 12);
		// Not FSM + SEN support: no absence at all, 0% against 9 of 50
		expect(rows[3].absence_rate).toBe(0);
		expect(rows[3].gap_to_rest_points).toBeCloseTo(-18, 10);
	});

	it('leaves pupils with an unknown value out of every cell, and defaults to FSM × SEN', async () => {
		const { rows } = await get('crossed', '&rows=sex&cols=ethnicity');
		// P7 (sex unknown) is in no cell: Female × White P1 P3 P5, Male × Asian P2, Male × Black P4
		expect(rows.map((x) => [x.row_value, x.col_value, x.pupils, x.absent_sessions])).toEqual([
			['Female', 'White', 3, 2], ['Male', 'Asian', 1, 5], ['Male', 'Black', 1, 1]
		]);
		const fallback = await get('crossed');
		expect(fallback.rows.map((x) => [x.row_dimension, x.col_dimension])[0]).toEqual(['fsm', 'sen']);
	});

	it('refuses dimensions that are not cohort dimensions, or the same one twice', async () => {
		const status = (q: string) => statusOf(GET, `/api/cohorts/crossed?${WEEK}${q}`, { dataset: 'crossed' });
		expect(await status('&rows=shoe&cols=sen')).toBe(400);
		expect(await status('&rows=fsm&cols=value')).toBe(400);
		expect(await status(`&rows=${encodeURIComponent("fsm' OR 1=1 --")}&cols=sen`)).toBe(400);
		expect(await status('&rows=fsm&cols=fsm')).toBe(400);
	});
});

describe('/api/cohorts/pupils', () => {
	it('lists the pupils of a group, the same pupils by_dimension counts, highest absence first', async () => {
		const { rows } = await get('pupils', '&dimension=fsm&value=FSM%20eligible');
		expect(rows).toEqual([
			{ upn: P2, name: 'Ben Brook', year_group: 'Year 7', school_urn: 100001, school_name: 'School 100001', possible_sessions: 10, absent_sessions: 5,
				authorised_sessions: 0, unauthorised_sessions: 5, absence_rate: 0.5, persistent: true, severe: true },
			{ upn: P1, name: 'Amy Able', year_group: 'Year 7', school_urn: 100001, school_name: 'School 100001', possible_sessions: 10, absent_sessions: 2,
				authorised_sessions: 2, unauthorised_sessions: 0, absence_rate: 0.2, persistent: true, severe: false }
		]); // P6 (FSM, no possible session) is not listed
		const group = await get('by_dimension', '&dimension=ethnicity');
		for (const g of group.rows) {
			const list = await get('pupils', `&dimension=ethnicity&value=${encodeURIComponent(g.value as string)}`);
			expect(list.rows.length).toBe(g.pupils);
		}
	});

	it('lists the pupils of a crossed cell, within the filters', async () => {
		const cell = await get('pupils', '&dimension=fsm&value=Not%20FSM%20eligible&dimension2=sen&value2=No%20SEN');
		expect(cell.rows.map((x) => [x.upn, x.absent_sessions, x.persistent])).toEqual([[P4, 1, true], [P7, 1, true], [P3, 0, false]].sort(
			(a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0]))));
		const filtered = await get('pupils', '&dimension=fsm&value=FSM%20eligible&cohort=sen:EHC%20plan');
		expect(filtered.rows.map((x) => x.upn)).toEqual([P2]);
		const nobody = await get('pupils', `&dimension=fsm&value=${encodeURIComponent("x' OR '1'='1")}`);
		expect(nobody.rows).toEqual([]);
	});

	it('refuses a list without a group, or with an unknown dimension', async () => {
		const status = (q: string) => statusOf(GET, `/api/cohorts/pupils?${WEEK}${q}`, { dataset: 'pupils' });
		expect(await status('')).toBe(400);
		expect(await status('&dimension=fsm')).toBe(400);
		expect(await status('&dimension=shoe&value=x')).toBe(400);
		expect(await status('&dimension=fsm&value=FSM%20eligible&dimension2=sen')).toBe(400);
		expect(await statusOf(GET, '/api/cohorts/nothing', { dataset: 'nothing' })).toBe(404);
		expect(await statusOf(GET, '/api/cohorts/by_dimension?dimension=shoe', { dataset: 'by_dimension' })).toBe(400);
		expect(await statusOf(GET, '/api/cohorts/by_dimension?cohort=shoe:size', { dataset: 'by_dimension' })).toBe(400);
	});
});
