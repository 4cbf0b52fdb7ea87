import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { runReport } from '../../src/lib/server/reports';
import { freshWarehouse, tempFile } from '../helpers/warehouse';
import { callArrow, statusOf } from '../helpers/api';
import { upn } from '../helpers/upn';

// A hand-built warehouse; every figure below is worked out by hand from it.
// 2025/26 (the default year): school 100001 (Alpha) is open Wed 3 – Fri 5 Sep, Mon 8 – Fri 12 Sep and Mon 3 –
// Tue 4 Nov (10 school days); school 100002 (Beta) has Mon 8 – Tue 9 Sep. Sessions not listed are / (AM) or \ (PM).
const A = upn('873400125201'); // Alpha, Year 7, 7A, FSM: I I Fri 5 Sep; L Mon 8 Sep AM; O Fri 12 Sep PM; N Mon 3 Nov AM
const B = upn('873400125202'); // Alpha, Year 7, 7B: U Wed 3 Sep AM; G G Mon 8 and Tue 9 Sep; N Tue 4 Nov PM
const C = upn('873400125203'); // Alpha, Year 8, 8A: N then M Thu 4 Sep; L Fri 12 Sep AM; # # Mon 3 Nov
const D = upn('873400125204'); // Alpha, Year 8, 8A: only # # on Wed 3 Sep
const E = upn('873400125205'); // Beta, Year 7, 7E, FSM: I Tue 9 Sep AM
// 2023/24: A has H H on Mon 1 Jul 2024 (the withdrawn code, still valid then) and is present on Tue 2 Jul.
// 2024/25: 27 more Alpha pupils, Mon 2 – Fri 6 Jun 2025, for the unusual-codes rule:
// Year 9 (12, SEN support): O O on Mon 2 Jun. Year 10 (12, no SEN): the first two O on Mon 2 Jun AM, the
// first eleven M M on Fri 6 Jun. Year 11 (3, EHC plan): G in all 10 sessions.
const Y9 = Array.from({ length: 12 }, (_, i) => upn(`8734002253${String(i).padStart(2, '0')}`));
const Y10 = Array.from({ length: 12 }, (_, i) => upn(`8734002254${String(i).padStart(2, '0')}`));
const Y11 = Array.from({ length: 3 }, (_, i) => upn(`8734002255${String(i).padStart(2, '0')}`));

const EXCEPTIONS: Record<string, Record<string, string>> = {
	[A]: { '2025-09-05 AM': 'I', '2025-09-05 PM': 'I', '2025-09-08 AM': 'L', '2025-09-12 PM': 'O', '2025-11-03 AM': 'N', '2024-07-01 AM': 'H', '2024-07-01 PM': 'H' },
	[B]: { '2025-09-03 AM': 'U', '2025-09-08 AM': 'G', '2025-09-08 PM': 'G', '2025-09-09 AM': 'G', '2025-09-09 PM': 'G', '2025-11-04 PM': 'N' },
	[C]: { '2025-09-04 AM': 'N', '2025-09-04 PM': 'M', '2025-09-12 AM': 'L', '2025-11-03 AM': '#', '2025-11-03 PM': '#' },
	[E]: { '2025-09-09 AM': 'I' }
};
Y9.forEach((p) => (EXCEPTIONS[p] = { '2025-06-02 AM': 'O', '2025-06-02 PM': 'O' }));
Y10.forEach((p, i) => (EXCEPTIONS[p] = { ...(i < 2 ? { '2025-06-02 AM': 'O' } : {}), ...(i < 11 ? { '2025-06-06 AM': 'M', '2025-06-06 PM': 'M' } : {}) }));
const JUNE = ['2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06'];
Y11.forEach((p) => (EXCEPTIONS[p] = Object.fromEntries(JUNE.flatMap((d) => [[`${d} AM`, 'G'], [`${d} PM`, 'G']]))));

function register(pupils: string[], days: string[]): string[] {
	return pupils.flatMap((p) => days.flatMap((d) => ['AM', 'PM'].map((s) => `${p},${d},${s},${EXCEPTIONS[p]?.[`${d} ${s}`] ?? (s === 'AM' ? '/' : '\\')}`)));
}
const ALPHA_DAYS = ['2025-09-03', '2025-09-04', '2025-09-05', '2025-09-08', '2025-09-09', '2025-09-10', '2025-09-11', '2025-09-12', '2025-11-03', '2025-11-04'];
const ALPHA = ['UPN,Date,Session,Mark', ...register([A, B, C], ALPHA_DAYS), `${D},2025-09-03,AM,#`, `${D},2025-09-03,PM,#`,
	...register([A], ['2024-07-01', '2024-07-02']), ...register([...Y9, ...Y10, ...Y11], JUNE)].join('\n') + '\n';
const BETA = ['UPN,Date,Session,Mark', ...register([E], ['2025-09-08', '2025-09-09'])].join('\n') + '\n';
const pupil = (urn: number, p: string, name: string, year: number, form: string, fsm: string, sen: string) => `${urn},${p},${name},Test,${year},${form},${fsm},${sen}`;
const PUPILS = ['URN,UPN,Forename,Surname,YearGroup,Form,FSM,SEN',
	pupil(100001, A, 'Amy', 7, '7A', 'Y', 'N'), pupil(100001, B, 'Ben', 7, '7B', 'N', 'N'), pupil(100001, C, 'Cal', 8, '8A', 'N', 'K'),
	pupil(100001, D, 'Dee', 8, '8A', 'N', 'N'), pupil(100002, E, 'Eve', 7, '7E', 'Y', 'N'),
	...Y9.map((p) => pupil(100001, p, 'Nine', 9, '9A', 'N', 'K')), ...Y10.map((p) => pupil(100001, p, 'Ten', 10, '10A', 'N', 'N')),
	...Y11.map((p) => pupil(100001, p, 'Eleven', 11, '11A', 'N', 'E'))].join('\n') + '\n';

let GET: typeof import('../../src/routes/api/codes/[dataset]/+server').GET;
let dbPath: string;
const api = (dataset: string, query = '') => callArrow(GET, `/api/codes/${dataset}${query}`, { dataset });

beforeAll(async () => {
	const w = await freshWarehouse();
	await importFile(w, tempFile('schools.csv', 'URN,Name\n100001,Alpha School\n100002,Beta School\n'));
	await importFile(w, tempFile('alpha.csv', ALPHA), { school: 100001 });
	await importFile(w, tempFile('beta.csv', BETA), { school: 100002 });
	await importFile(w, tempFile('pupils.csv', PUPILS));
	dbPath = w.path;
	process.env.ATTENDANCE_DB = w.path;
	({ GET } = await import('../../src/routes/api/codes/[dataset]/+server'));
});

describe('/api/codes/totals', () => {
	it('counts each code’s sessions and pupils, as the CLI does', async () => {
		const answer = await api('totals');
		expect(answer.contentType).toBe('application/vnd.apache.arrow.stream');
		// / : A 7, B 7, C 7, E 1; \ : A 8, B 7, C 8, E 2; # : C 2, D 2; 66 marks, 62 of them possible
		expect(answer.rows.map((r) => [r.code, r.category, r.sessions, r.pupils])).toEqual([
			['/', 'present', 22, 4], ['\\', 'present', 25, 4], ['L', 'present', 2, 2], ['M', 'authorised', 1, 1], ['I', 'authorised', 3, 2],
			['G', 'unauthorised', 4, 1], ['N', 'unauthorised', 3, 3], ['O', 'unauthorised', 1, 1], ['U', 'unauthorised', 1, 1], ['#', 'not_possible', 4, 2]
		]);
		expect(answer.rows.find((r) => r.code === 'I')).toMatchObject({ meaning: 'Illness (not medical or dental appointment)', share_of_possible: 3 / 62 });
		expect(answer.rows.find((r) => r.code === '#')?.share_of_possible).toBeNull();
		const { Warehouse } = await import('../../src/lib/server/warehouse');
		const report = await runReport(await Warehouse.open(dbPath), 'codes', { from: '2025-09-01', to: '2026-08-31' });
		// the same sessions per code (the report sorts its codes as text, this dataset in the national table's order)
		const byCode = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((r) => [r.code, r.sessions]));
		expect(byCode(answer.rows)).toEqual(byCode(report.rows));
		expect(answer.rows).toHaveLength(report.rows.length);
	});

	it('honours the cohort filter', async () => {
		const { rows } = await api('totals', '?cohort=fsm:FSM%20eligible');
		// A and E: 24 possible sessions
		expect(rows.map((r) => [r.code, r.sessions])).toEqual([['/', 8], ['\\', 10], ['L', 1], ['I', 3], ['N', 1], ['O', 1]]);
		expect(rows.find((r) => r.code === 'I')?.share_of_possible).toBe(3 / 24);
	});
});

describe('/api/codes/weekly', () => {
	it('gives every code used a row for every Monday-dated week, zero where unused', async () => {
		const { rows } = await api('weekly');
		expect(rows).toHaveLength(30); // 10 codes × 3 weeks
		const series = (code: string) => rows.filter((r) => r.code === code).map((r) => [r.week, r.sessions, r.school_days]);
		expect(series('N')).toEqual([['2025-09-01', 1, 3], ['2025-09-08', 0, 5], ['2025-11-03', 2, 2]]);
		expect(series('G')).toEqual([['2025-09-01', 0, 3], ['2025-09-08', 4, 5], ['2025-11-03', 0, 2]]);
		expect(rows.find((r) => r.code === 'G')).toMatchObject({ meaning: 'Holiday not authorised by the school', category: 'unauthorised' });
	});
});

describe('/api/codes/by-group', () => {
	it('gives each year group’s codes as sessions and shares of its recorded sessions', async () => {
		const { rows } = await api('by-group');
		const row = (label: string) => rows.filter((r) => r.row_label === label).map((r) => [r.code, r.sessions]);
		// Year 7: A 20 + B 20 + E 4 = 44 marks; Year 8: C 20 + D 2 = 22 marks
		expect(row('Year 7')).toEqual([['/', 15], ['\\', 17], ['L', 1], ['I', 3], ['G', 4], ['N', 2], ['O', 1], ['U', 1]]);
		expect(row('Year 8')).toEqual([['/', 7], ['\\', 8], ['L', 1], ['M', 1], ['N', 1], ['#', 4]]);
		expect(rows.find((r) => r.row_label === 'Year 8' && r.code === '#')).toMatchObject({ pupils: 2, row_sessions: 22, share: 4 / 22 });
	});

	it('gives forms as rows, told apart by school when every school is chosen', async () => {
		const alpha = await api('by-group', '?rows=form&school=100001');
		expect([...new Set(alpha.rows.map((r) => r.row_label))]).toEqual(['7A', '7B', '8A']);
		expect(alpha.rows.find((r) => r.row_label === '8A' && r.code === '#')).toMatchObject({ pupils: 2, sessions: 4, row_sessions: 22 });
		const all = await api('by-group', '?rows=form');
		expect([...new Set(all.rows.map((r) => r.row_label))]).toEqual(['7A · Alpha School', '7B · Alpha School', '7E · Beta School', '8A · Alpha School']);
	});
});

describe('/api/codes/unresolved-n', () => {
	it('lists sessions still N more than 5 school days before the last school day, oldest first', async () => {
		const { rows } = await api('unresolved-n');
		// Alpha's school days: 3 Sep is day 1 … 4 Nov day 10. C's N (4 Sep, day 2) is 8 school days old;
		// A's (3 Nov, day 9) 1; B's (4 Nov) 0.
		expect(rows).toEqual([
			{ school_urn: 100001, school: 'Alpha School', upn: C, name: 'Cal Test', year_group: 'Year 8', form: '8A', date: '2025-09-04', session: 'AM', school_days_outstanding: 8 }
		]);
		const all = await api('unresolved-n', '?older_than=0');
		expect(all.rows.map((r) => [r.upn, r.date, r.school_days_outstanding])).toEqual([[C, '2025-09-04', 8], [A, '2025-11-03', 1]]);
		expect((await api('unresolved-n', '?older_than=8')).rows).toEqual([]);
	});

	it('counts to the end of the range: school days after it do not count', async () => {
		// to Wed 10 Sep: day 6 is the last, so C's N is 4 school days old
		expect((await api('unresolved-n', '?to=2025-09-10')).rows).toEqual([]);
		expect((await api('unresolved-n', '?to=2025-09-10&older_than=3')).rows.map((r) => r.school_days_outstanding)).toEqual([4]);
		expect((await api('unresolved-n', '?yg=Year%207&older_than=0')).rows.map((r) => r.upn)).toEqual([A]);
	});

	it('is marked as pupil-level', async () => {
		const { CODES: CODES_DATASETS } = await import('../../src/lib/catalog/datasets/codes');
		expect(CODES_DATASETS['unresolved-n'].pupilLevel).toBe(true);
		expect(Object.entries(CODES_DATASETS).filter(([, d]) => 'pupilLevel' in d && d.pupilLevel).map(([n]) => n)).toEqual(['unresolved-n']);
	});
});

describe('/api/codes/holidays-*', () => {
	it('counts G by week and by year group', async () => {
		expect((await api('holidays-weekly')).rows).toEqual([
			{ week: '2025-09-08', code: 'G', meaning: 'Holiday not authorised by the school', category: 'unauthorised', pupils: 1, sessions: 4 }
		]);
		const { rows } = await api('holidays-year-group');
		// no H in 2025/26, so G only; Year 8 (C) has none
		expect(rows.map((r) => [r.year_group, r.code, r.pupils_on_roll, r.possible_sessions, r.pupils, r.sessions, r.per_100])).toEqual([
			['Year 7', 'G', 3, 44, 1, 4, 400 / 44],
			['Year 8', 'G', 1, 18, 0, 0, 0]
		]);
	});

	it('shows the withdrawn H in earlier years', async () => {
		expect((await api('holidays-weekly', '?year=2023/24')).rows.map((r) => [r.week, r.code, r.pupils, r.sessions])).toEqual([['2024-07-01', 'H', 1, 2]]);
		const { rows } = await api('holidays-year-group', '?year=2023/24');
		expect(rows.map((r) => [r.year_group, r.code, r.pupils, r.sessions, r.per_100])).toEqual([['Year 7', 'G', 0, 0, 0], ['Year 7', 'H', 1, 2, 50]]);
	});
});

describe('/api/codes/unusual', () => {
	it('lists a group’s code when it has 10+ pupils, 20+ sessions and 1.5 times the others’ share', async () => {
		const { rows } = await api('unusual', '?year=2024/25');
		// 270 possible sessions: Year 9 120, Year 10 120, Year 11 30.
		// M: Year 10 (= no SEN) 22 of 120, nobody else any: ratio NULL, first.
		// O: Year 9 (= SEN support) 24 of 120 = 0.2, the others 2 of 150: 15 times.
		// Not listed: Year 11's G (3 pupils), Year 10's O (2 sessions), FSM and ethnicity (no one else to compare).
		expect(rows.map((r) => [r.dimension, r.group_value, r.code, r.pupils, r.code_pupils, r.sessions, r.possible_sessions, r.rest_pupils, r.rest_sessions, r.rest_possible_sessions])).toEqual([
			['sen', 'No SEN', 'M', 12, 11, 22, 120, 15, 0, 150],
			['year_group', 'Year 10', 'M', 12, 11, 22, 120, 15, 0, 150],
			['sen', 'SEN support', 'O', 12, 12, 24, 120, 15, 2, 150],
			['year_group', 'Year 9', 'O', 12, 12, 24, 120, 15, 2, 150]
		]);
		expect(rows[0]).toMatchObject({ share: 22 / 120, rest_share: 0, ratio: null });
		expect(rows[2].share).toBe(0.2);
		expect(rows[2].ratio).toBeCloseTo(15, 10);
	});

	it('lists nothing for a filter that leaves no one to compare with', async () => {
		expect((await api('unusual', '?year=2024/25&yg=Year%209')).rows).toEqual([]);
	});
});

describe('/api/codes errors', () => {
	it('refuses unknown datasets and bad parameters', async () => {
		expect(await statusOf(GET, '/api/codes/nothing', { dataset: 'nothing' })).toBe(404);
		expect(await statusOf(GET, '/api/codes/by-group?rows=house', { dataset: 'by-group' })).toBe(400);
		expect(await statusOf(GET, '/api/codes/unresolved-n?older_than=five', { dataset: 'unresolved-n' })).toBe(400);
		expect(await statusOf(GET, '/api/codes/unresolved-n?older_than=500', { dataset: 'unresolved-n' })).toBe(400);
		expect(await statusOf(GET, '/api/codes/totals?cohort=fsm', { dataset: 'totals' })).toBe(400);
		expect(await statusOf(GET, '/api/codes/totals?year=1999/00', { dataset: 'totals' })).toBe(404);
	});
});
