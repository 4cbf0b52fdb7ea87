import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { runReport } from '../../src/lib/server/reports';
import { Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, tempFile } from '../helpers/warehouse';
import { callArrow, statusOf } from '../helpers/api';
import { upn } from '../helpers/upn';

// A hand-built register for one school (100001):
//   Ada (A): FSM, PP, SEN support, CIN, young carer; born 2012-10-01, so Year 7 in 2024/25 and Year 6 in 2023/24.
//   Ben (B): a second pupil, who must never show up on Ada's page.
//   Cleo (C): on roll with only X marks (not required to attend): no possible session.
const A = upn('873400126001');
const B = upn('873400126002');
const C = upn('873400126003');
const SCHOOL = 100001;

// Ada, 2024/25. Two weeks with absences, then 12 school days present (AM, PM; minutes late for L and U):
//   Mon 02/09 # #  closure (not possible)     Mon 09/09 O O  → amended: AM I (GP note), PM O
//   Tue 03/09 / \                             Tue 10/09 U(40 min) \
//   Wed 04/09 L(10 min) \                     Wed 11/09 / B   (B: approved educational activity)
//   Thu 05/09 I I                             Thu 12/09 M \
//   Fri 06/09 / \                             Fri 13/09 / \
//   16/09 – 01/10: 12 school days / \
// Possible 21 days × 2 = 42. Present: 2+2+2+1+1+1+2 = 11 in the first fortnight, + 24 = 35. AEA 1 (B).
// Authorised: I I, I (amended), M = 4. Unauthorised: O (PM), U = 2. Absent 6 → absence 6/42 = 1/7,
// attendance 6/7, 3 days missed; persistent 6 × 10 = 60 ≥ 42; not severe 6 × 2 = 12 < 42.
// Late: one L (10 min), one U (40 min).
const FIRST_FORTNIGHT: [string, string, string, number?, number?][] = [
	['2024-09-02', '#', '#'],
	['2024-09-03', '/', '\\'],
	['2024-09-04', 'L', '\\', 10],
	['2024-09-05', 'I', 'I'],
	['2024-09-06', '/', '\\'],
	['2024-09-09', 'O', 'O'],
	['2024-09-10', 'U', '\\', 40],
	['2024-09-11', '/', 'B'],
	['2024-09-12', 'M', '\\'],
	['2024-09-13', '/', '\\']
];
const PRESENT_DAYS = ['16', '17', '18', '19', '20', '23', '24', '25', '26', '27', '30'].map((d) => `2024-09-${d}`).concat('2024-10-01');

function register(): string {
	const lines = ['UPN,Date,Session,Mark,Minutes Late'];
	for (const [date, am, pm, minutes] of FIRST_FORTNIGHT) lines.push(`${A},${date},AM,${am},${minutes ?? ''}`, `${A},${date},PM,${pm},`);
	for (const date of PRESENT_DAYS) lines.push(`${A},${date},AM,/,`, `${A},${date},PM,\\,`);
	// 2023/24: Ada present on Monday 15 July, absent (N, unauthorised) on Tuesday 16 July
	lines.push(`${A},2024-07-15,AM,/,`, `${A},2024-07-15,PM,\\,`, `${A},2024-07-16,AM,N,`, `${A},2024-07-16,PM,N,`);
	lines.push(`${B},2024-09-03,AM,/,`, `${B},2024-09-03,PM,\\,`, `${B},2024-09-04,AM,O,`, `${B},2024-09-04,PM,\\,`);
	lines.push(`${C},2024-09-03,AM,X,`, `${C},2024-09-03,PM,X,`);
	return lines.join('\n') + '\n';
}

let GET: typeof import('../../src/routes/api/pupil/[upn]/[dataset]/+server').GET;
let warehouse: Warehouse;
let amendmentImport: number;
let registerImport: number;

const call = (who: string, dataset: string, query = 'year=2024/25') =>
	callArrow(GET, `/api/pupil/${who}/${dataset}?${query}`, { upn: who, dataset });

beforeAll(async () => {
	const w = await freshWarehouse();
	const opts = { school: SCHOOL };
	await importFile(
		w,
		tempFile(
			'pupils.csv',
			'UPN,Forename,Surname,DateOfBirth,Sex,YearGroup,Form,FSM,PupilPremium,SEN,EAL,CLA,CIN,CPP,YoungCarer\n' +
				`${A},Ada,Lovelace,2012-10-01,F,7,7A,Y,Y,K,N,N,Y,N,Y\n${B},Ben,Stone,2012-05-05,M,8,8B,N,N,N,N,N,N,N,N\n` +
				`${C},Cleo,Marsh,2012-11-11,F,7,7A,N,N,N,N,N,N,N,N\n`
		),
		opts
	);
	registerImport = (await importFile(w, tempFile('register.csv', register()), opts)).importId;
	amendmentImport = (
		await importFile(w, tempFile('amendments.csv', `UPN,Date,Session,Mark,Reason,Amended By\n${A},2024-09-09,AM,I,Note from GP,J Patel\n`), opts)
	).importId;
	await importFile(
		w,
		tempFile(
			'interventions.csv',
			'UPN,Type,StartDate,EndDate,ReviewDate,Target,Notes,Staff\n' +
				`${A},Attendance meeting,2024-06-03,2024-06-20,,,Met parents,R Evans\n` +
				`${A},Parenting contract,2024-08-20,2024-09-05,,,Over the summer,R Evans\n` +
				`${A},Letter 1,2024-09-10,,2024-10-08,95% attendance,First letter,J Patel\n`
		),
		opts
	);
	await w.checkpoint();
	warehouse = w;
	process.env.ATTENDANCE_DB = w.path;
	({ GET } = await import('../../src/routes/api/pupil/[upn]/[dataset]/+server'));
});

describe('/api/pupil/[upn]/year-to-date', () => {
	it("gives the pupil's year in sessions, rates, days missed, flags and lateness", async () => {
		const answer = await call(A, 'year-to-date');
		expect(answer.contentType).toBe('application/vnd.apache.arrow.stream');
		expect(answer.rows).toEqual([
			{
				school_urn: SCHOOL,
				school_name: 'School 100001',
				possible_sessions: 42,
				present_sessions: 35,
				aea_sessions: 1,
				authorised_sessions: 4,
				unauthorised_sessions: 2,
				absent_sessions: 6,
				absence_rate: 6 / 42,
				attendance_rate: 1 - 6 / 42,
				days_missed: 3,
				persistent: true,
				severe: false,
				late_sessions: 1,
				late_minutes: 10,
				late_after_close_sessions: 1,
				late_after_close_minutes: 40
			}
		]);
	});

	it('agrees with the CLI report pupils row for the same range', async () => {
		const report = await runReport(warehouse, 'pupils', { from: '2024-09-01', to: '2025-08-31' });
		const row = report.rows.find((r) => r.upn === A)!;
		const [mine] = (await call(A, 'year-to-date')).rows;
		for (const key of ['possible_sessions', 'present_sessions', 'aea_sessions', 'authorised_sessions', 'unauthorised_sessions', 'absence_rate', 'persistent', 'severe'])
			expect(mine[key]).toEqual(row[key]);
	});

	it('follows the academic year and the other filters', async () => {
		// 2023/24: 15 July present, 16 July N N → 2 of 4 sessions missed: persistent and severe (2 × 2 ≥ 4)
		const [last] = (await call(A, 'year-to-date', 'year=2023/24')).rows;
		expect([last.possible_sessions, last.unauthorised_sessions, last.absence_rate, last.persistent, last.severe]).toEqual([4, 2, 0.5, true, true]);
		// from/to narrow the year: 9–10 September is 4 sessions, O→I, O, U, \ → 3 absent
		const [two] = (await call(A, 'year-to-date', 'year=2024/25&from=2024-09-09&to=2024-09-10')).rows;
		expect([two.possible_sessions, two.absent_sessions, two.late_after_close_minutes]).toEqual([4, 3, 40]);
		// Ada is FSM eligible and in Year 7: other groups, another school leave nothing
		expect((await call(A, 'year-to-date', 'year=2024/25&cohort=fsm:FSM%20eligible')).rows).toHaveLength(1);
		expect((await call(A, 'year-to-date', 'year=2024/25&yg=Year%207')).rows).toHaveLength(1);
		expect((await call(A, 'year-to-date', 'year=2024/25&cohort=fsm:Not%20FSM%20eligible')).rows).toHaveLength(0);
		expect((await call(A, 'year-to-date', 'year=2024/25&yg=Year%208')).rows).toHaveLength(0);
		// (a school with no marks offers no academic year, so the range is given as dates)
		expect((await call(A, 'year-to-date', 'from=2024-09-01&to=2025-08-31&school=999999')).rows).toHaveLength(0);
	});

	it('has no row for a pupil with no possible session', async () => {
		expect((await call(C, 'year-to-date')).rows).toEqual([]);
	});
});

describe('/api/pupil/[upn]/marks', () => {
	it("lists that pupil's session marks only, with category, meaning, minutes late and amendment", async () => {
		const { rows } = await call(A, 'marks');
		expect(rows).toHaveLength(44); // 22 days × 2, the closure day included
		expect(rows.slice(0, 2).map((r) => [r.date, r.session, r.code, r.category])).toEqual([
			['2024-09-02', 'AM', '#', 'not_possible'],
			['2024-09-02', 'PM', '#', 'not_possible']
		]);
		expect(rows.find((r) => r.date === '2024-09-04' && r.session === 'AM')).toMatchObject({ code: 'L', category: 'present', minutes_late: 10, amended: false });
		expect(rows.find((r) => r.date === '2024-09-09' && r.session === 'AM')).toMatchObject({
			code: 'I',
			category: 'authorised',
			meaning: 'Illness (not medical or dental appointment)',
			amended: true,
			import_id: amendmentImport
		});
		expect(rows.filter((r) => r.category === 'unauthorised').map((r) => `${r.date} ${r.session} ${r.code}`)).toEqual([
			'2024-09-09 PM O',
			'2024-09-10 AM U'
		]);
		// Cleo's X marks are not possible sessions but are still her marks
		expect((await call(C, 'marks')).rows.map((r) => r.code)).toEqual(['X', 'X']);
	});
});

describe('/api/pupil/[upn]/rolling', () => {
	it('gives attendance over the last 20 school days and since the start of the range', async () => {
		const { rows } = await call(A, 'rolling');
		expect(rows).toHaveLength(21); // the closure day is not a school day for Ada
		expect(rows[0]).toMatchObject({ date: '2024-09-03', rolling_days: 1, rolling_possible: 2, rolling_attendance: 1, ytd_possible: 2 });
		// Thursday 5 September: I I → 2 of 6 sessions so far missed
		expect(rows[2]).toMatchObject({ date: '2024-09-05', absent_sessions: 2, rolling_absent: 2, rolling_possible: 6, ytd_attendance: 1 - 2 / 6 });
		// 1 October, the 21st school day: the 20-day window leaves out 3 September (2 sessions, none missed)
		expect(rows[20]).toMatchObject({
			date: '2024-10-01',
			rolling_days: 20,
			rolling_possible: 40,
			rolling_absent: 6,
			rolling_attendance: 1 - 6 / 40,
			ytd_possible: 42,
			ytd_absent: 6,
			ytd_attendance: 1 - 6 / 42
		});
		expect((await call(C, 'rolling')).rows).toEqual([]);
	});
});

describe('/api/pupil/[upn]/history', () => {
	it('lists each amendment with both codes, imports, reason and author', async () => {
		const { rows } = await call(A, 'history');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			date: '2024-09-09',
			session: 'AM',
			previous_code: 'O',
			new_code: 'I',
			previous_import_id: registerImport,
			previous_file_name: 'register.csv',
			import_id: amendmentImport,
			file_name: 'amendments.csv',
			reason: 'Note from GP',
			author: 'J Patel',
			school_urn: SCHOOL
		});
		expect(rows[0].changed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
		expect((await call(A, 'history', 'year=2023/24')).rows).toEqual([]);
		expect((await call(B, 'history')).rows).toEqual([]);
	});
});

describe('/api/pupil/[upn]/interventions', () => {
	it('lists the interventions open at some time in the range', async () => {
		const types = async (query: string) => (await call(A, 'interventions', query)).rows.map((r) => r.type);
		// the parenting contract ran from 20 August to 5 September 2024: in both years
		expect(await types('year=2024/25')).toEqual(['Parenting contract', 'Letter 1']);
		expect(await types('year=2023/24')).toEqual(['Attendance meeting', 'Parenting contract']);
		// an intervention without an end date is open until its review date
		expect(await types('year=2024/25&from=2024-10-08&to=2024-10-31')).toEqual(['Letter 1']);
		expect(await types('year=2024/25&from=2024-10-09&to=2024-10-31')).toEqual([]);
		const [letter] = (await call(A, 'interventions', 'year=2024/25&from=2024-10-01')).rows;
		expect(letter).toMatchObject({ start_date: '2024-09-10', end_date: null, review_date: '2024-10-08', target: '95% attendance', notes: 'First letter', staff: 'J Patel' });
	});
});

describe('pupil search (datasets/pupil/search)', () => {
	const search = (q: string | null, extra: Record<string, unknown> = {}) =>
		warehouse.read('datasets/pupil/search', {
			q, from: '2024-09-01', to: '2025-08-31', school: SCHOOL, year_group: null, cohort_dimension: null, cohort_value: null, ...extra
		});

	it('finds pupils by UPN start or by name, as values not patterns', async () => {
		expect((await search(A.toLowerCase())).map((r) => r.upn)).toEqual([A]);
		// the digits without the check letter: all three, by surname
		expect((await search('873400126')).map((r) => r.upn)).toEqual([A, C, B]);
		expect((await search('lovelace ada')).map((r) => r.upn)).toEqual([A]);
		expect((await search('ADA LOVE'))[0]).toMatchObject({ upn: A, year_group: 'Year 7', possible_sessions: 42, absent_sessions: 6, total: 1 });
		expect(await search('%')).toEqual([]);
		expect(await search('a', { school: 999999 })).toEqual([]);
	});

	it('without text lists the pupils with the highest absence first (pupils with possible sessions only)', async () => {
		// Ben missed 1 of 4 sessions (25%), Ada 6 of 42; Cleo has no possible session
		expect((await search('')).map((r) => [r.upn, r.absence_rate])).toEqual([[B, 0.25], [A, 6 / 42]]);
		expect((await search(null, { cohort_dimension: 'fsm', cohort_value: 'FSM eligible' })).map((r) => r.upn)).toEqual([A]);
	});
});

describe('checks', () => {
	it('refuses malformed UPNs and unknown datasets; an unknown pupil has no rows', async () => {
		expect(await statusOf(GET, '/api/pupil/A12/marks', { upn: 'A12', dataset: 'marks' })).toBe(400);
		expect(await statusOf(GET, `/api/pupil/${A.toLowerCase()}/marks`, { upn: A.toLowerCase(), dataset: 'marks' })).toBe(400);
		expect(await statusOf(GET, `/api/pupil/${A}/nothing`, { upn: A, dataset: 'nothing' })).toBe(404);
		expect(await statusOf(GET, `/api/pupil/${A}/marks?from=2024-02-30`, { upn: A, dataset: 'marks' })).toBe(400);
		expect((await call(upn('999999999999'), 'marks')).rows).toEqual([]);
	});
});
