import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { runReport } from '../../src/lib/server/reports';
import { freshWarehouse, tempFile } from '../helpers/warehouse';
import { callArrow, statusOf } from '../helpers/api';
import { upn } from '../helpers/upn';

// A hand-built autumn 2025 for two schools; every figure below is worked out by hand from it.
// School 100001 (Alpha) is open Wed 3 – Fri 5 Sep, Mon 8 – Fri 12 Sep, then (after half-term) Mon 3 – Tue 4 Nov:
// 10 school days. School 100002 (Beta) has marks on Mon 8 – Tue 9 Sep only, but its own term dates start
// the half-term on Mon 1 Sep. Every session not listed is present (/ in the morning, \ in the afternoon).
const A = upn('873400125101'); // Alpha, Year 7, FSM: I I Fri 5 Sep; L (10 min) Mon 8 Sep AM; O Fri 12 Sep PM; N Mon 3 Nov AM
const B = upn('873400125102'); // Alpha, Year 7: U (40 min) Wed 3 Sep AM; G G Mon 8 and Tue 9 Sep; N Tue 4 Nov PM
const C = upn('873400125103'); // Alpha, Year 8: N then M Thu 4 Sep; L (20 min) Fri 12 Sep AM; # # Mon 3 Nov
const D = upn('873400125104'); // Alpha, Year 8: only # # on Wed 3 Sep: no possible session, counted nowhere
const E = upn('873400125105'); // Beta, Year 7, FSM: I Tue 9 Sep AM
const ALPHA_DAYS = ['2025-09-03', '2025-09-04', '2025-09-05', '2025-09-08', '2025-09-09', '2025-09-10', '2025-09-11', '2025-09-12', '2025-11-03', '2025-11-04'];
const EXCEPTIONS: Record<string, Record<string, [string, number?]>> = {
	[A]: { '2025-09-05 AM': ['I'], '2025-09-05 PM': ['I'], '2025-09-08 AM': ['L', 10], '2025-09-12 PM': ['O'], '2025-11-03 AM': ['N'] },
	[B]: { '2025-09-03 AM': ['U', 40], '2025-09-08 AM': ['G'], '2025-09-08 PM': ['G'], '2025-09-09 AM': ['G'], '2025-09-09 PM': ['G'], '2025-11-04 PM': ['N'] },
	[C]: { '2025-09-04 AM': ['N'], '2025-09-04 PM': ['M'], '2025-09-12 AM': ['L', 20], '2025-11-03 AM': ['#'], '2025-11-03 PM': ['#'] },
	[E]: { '2025-09-09 AM': ['I'] }
};
function register(pupils: string[], days: string[]): string {
	const lines = ['UPN,Date,Session,Mark,Minutes Late'];
	for (const p of pupils)
		for (const d of days)
			for (const s of ['AM', 'PM']) {
				const [code, minutes] = EXCEPTIONS[p]?.[`${d} ${s}`] ?? [s === 'AM' ? '/' : '\\'];
				lines.push(`${p},${d},${s},${code},${minutes ?? ''}`);
			}
	return lines.join('\n') + '\n';
}
const ALPHA = register([A, B, C], ALPHA_DAYS) + `${D},2025-09-03,AM,#,\n${D},2025-09-03,PM,#,\n`;
const BETA = register([E], ['2025-09-08', '2025-09-09']);
const SCHOOLS = 'URN,Name\n100001,Alpha School\n100002,Beta School\n';
const PUPILS = `URN,UPN,Forename,Surname,YearGroup,Form,FSM,SEN
100001,${A},Amy,Ash,7,7A,Y,N
100001,${B},Ben,Birch,7,7B,N,N
100001,${C},Cal,Cedar,8,8A,N,K
100001,${D},Dee,Dale,8,8A,N,N
100002,${E},Eve,Elm,7,7E,Y,N
`;
const TERMS = 'URN,academic_year,term,half_term,start_date,end_date\n100002,2025/26,Autumn,Autumn 1,2025-09-01,2025-10-24\n';

let GET: typeof import('../../src/routes/api/patterns/[dataset]/+server').GET;
let dbPath: string;
const api = (dataset: string, query = '') => callArrow(GET, `/api/patterns/${dataset}${query}`, { dataset });

beforeAll(async () => {
	const w = await freshWarehouse();
	await importFile(w, tempFile('schools.csv', SCHOOLS));
	await importFile(w, tempFile('alpha.csv', ALPHA), { school: 100001 });
	await importFile(w, tempFile('beta.csv', BETA), { school: 100002 });
	await importFile(w, tempFile('pupils.csv', PUPILS));
	await importFile(w, tempFile('terms.csv', TERMS));
	dbPath = w.path;
	process.env.ATTENDANCE_DB = w.path;
	({ GET } = await import('../../src/routes/api/patterns/[dataset]/+server'));
});

describe('/api/patterns/weekday', () => {
	it('gives each weekday and session its possible and absent sessions, in Arrow, as the CLI does', async () => {
		const answer = await api('weekday');
		expect(answer.contentType).toBe('application/vnd.apache.arrow.stream');
		const cells = answer.rows.map((r) => [r.weekday, r.session, r.possible_sessions, r.absent_sessions]);
		// Alpha has two of each weekday; C's Mon 3 Nov is # (not possible); Beta adds E's Mon 8 and Tue 9 Sep.
		expect(cells).toEqual([
			['Mon', 'AM', 6, 2], // B G 8 Sep, A N 3 Nov (A's L is present)
			['Mon', 'PM', 6, 1], // B G
			['Tue', 'AM', 7, 2], // B G, E I
			['Tue', 'PM', 7, 2], // B G, B N 4 Nov
			['Wed', 'AM', 6, 1], // B U
			['Wed', 'PM', 6, 0],
			['Thu', 'AM', 6, 1], // C N
			['Thu', 'PM', 6, 1], // C M
			['Fri', 'AM', 6, 1], // A I (C's L is present)
			['Fri', 'PM', 6, 2] // A I, A O
		]);
		expect(answer.rows[0]).toMatchObject({ split_group: 'All pupils', group_pupils: 4, absence_rate: 2 / 6 });
		const { Warehouse } = await import('../../src/lib/server/warehouse');
		const report = await runReport(await Warehouse.open(dbPath), 'weekday', { from: '2025-09-01', to: '2026-08-31' });
		expect(answer.rows.map((r) => ({ weekday: r.weekday, session: r.session, possible_sessions: r.possible_sessions, absent_sessions: r.absent_sessions, absence_rate: r.absence_rate }))).toEqual(report.rows);
	});

	it('splits by a cohort dimension, with each group’s pupils', async () => {
		const { rows } = await api('weekday', '?split=fsm');
		const cell = (g: string, d: string, s: string) => rows.find((r) => r.split_group === g && r.weekday === d && r.session === s);
		// FSM eligible: A (2 Tuesdays) and E (Tue 9 Sep, absent I); not eligible: B and C (2 Tuesdays each; B G and N)
		expect(cell('FSM eligible', 'Tue', 'AM')).toMatchObject({ group_pupils: 2, possible_sessions: 3, absent_sessions: 1, absence_rate: 1 / 3 });
		expect(cell('Not FSM eligible', 'Tue', 'PM')).toMatchObject({ group_pupils: 2, possible_sessions: 4, absent_sessions: 2, absence_rate: 0.5 });
		expect(rows).toHaveLength(20);
		expect(rows.slice(0, 10).every((r) => r.split_group === 'FSM eligible')).toBe(true);
	});

	it('honours the school and year group filters', async () => {
		const beta = await api('weekday', '?school=100002');
		expect(beta.rows.map((r) => [r.weekday, r.session, r.possible_sessions, r.absent_sessions])).toEqual([
			['Mon', 'AM', 1, 0], ['Mon', 'PM', 1, 0], ['Tue', 'AM', 1, 1], ['Tue', 'PM', 1, 0]
		]);
		const year8 = await api('weekday', '?yg=Year%208');
		// C alone (D has no possible session): Mon has only Mon 8 Sep
		expect(year8.rows[0]).toMatchObject({ weekday: 'Mon', session: 'AM', group_pupils: 1, possible_sessions: 1, absent_sessions: 0 });
		expect(year8.rows.reduce((s, r) => s + (r.possible_sessions as number), 0)).toBe(18);
	});
});

describe('/api/patterns/month', () => {
	it('gives each month its sessions and school days', async () => {
		const { rows } = await api('month');
		// Sep: A, B, C 16 possible each + E 4 = 52; absent A 3 (I I O), B 5 (U G G G G), C 2 (N M), E 1
		// Nov: A 4 + B 4 + C 2 (Mon 3 Nov is #) = 10; absent A N, B N
		expect(rows.map((r) => [r.month, r.month_label, r.school_days, r.possible_sessions, r.absent_sessions])).toEqual([
			['2025-09-01', 'Sep 2025', 8, 52, 11],
			['2025-11-01', 'Nov 2025', 2, 10, 2]
		]);
		expect(rows[1].absence_rate).toBe(0.2);
	});

	it('splits by SEN', async () => {
		const { rows } = await api('month', '?split=sen');
		// C is SEN support (Sep 16 possible, 2 absent; Nov 2 possible); A, B, E no SEN
		expect(rows.map((r) => [r.split_group, r.group_pupils, r.month_label, r.possible_sessions, r.absent_sessions])).toEqual([
			['No SEN', 3, 'Sep 2025', 36, 9],
			['No SEN', 3, 'Nov 2025', 8, 2],
			['SEN support', 1, 'Sep 2025', 16, 2],
			['SEN support', 1, 'Nov 2025', 2, 0]
		]);
	});
});

describe('/api/patterns/week-of-term', () => {
	it('counts weeks from each half-term’s start: term dates where a school has them, else after a 7-day gap', async () => {
		const { rows } = await api('week-of-term');
		// Alpha (no term dates): 3–5 Sep and 3–4 Nov are week 1, 8–12 Sep week 2.
		// Beta's term dates start on Mon 1 Sep, so its 8–9 Sep are week 2 too.
		// Week 1: 3–5 Sep 18 possible, 5 absent (A I I, B U, C N M) + 3–4 Nov 10 possible, 2 absent
		// Week 2: Alpha 30 possible, 5 absent (A O, B G×4) + Beta 4 possible, 1 absent
		expect(rows).toEqual([
			{ week_of_term: 1, half_terms: 2, school_days: 5, possible_sessions: 28, absent_sessions: 7, absence_rate: 7 / 28 },
			{ week_of_term: 2, half_terms: 2, school_days: 7, possible_sessions: 34, absent_sessions: 6, absence_rate: 6 / 34 }
		]);
	});

	it('starts a range that begins mid-half-term at its first school day when no term dates say otherwise', async () => {
		const { rows } = await api('week-of-term', '?school=100001&from=2025-09-08&to=2025-09-12');
		expect(rows).toEqual([{ week_of_term: 1, half_terms: 1, school_days: 5, possible_sessions: 30, absent_sessions: 5, absence_rate: 5 / 30 }]);
	});
});

describe('/api/patterns/lateness-*', () => {
	it('counts L and U by weekday, per 100 possible sessions, with the average minutes late', async () => {
		const { rows } = await api('lateness-weekday');
		const by = Object.fromEntries(rows.map((r) => [r.weekday, r]));
		expect(rows.map((r) => r.weekday)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
		expect(by.Mon).toMatchObject({ possible_sessions: 12, late_sessions: 1, late_after_close_sessions: 0, late_per_100: 100 / 12, avg_minutes_late: 10, avg_minutes_after_close: null, minutes_recorded: 1, late_minutes_recorded: 1 });
		expect(by.Wed).toMatchObject({ possible_sessions: 12, late_sessions: 0, late_after_close_sessions: 1, late_after_close_per_100: 100 / 12, avg_minutes_after_close: 40, minutes_recorded: 1, late_minutes_recorded: 0 });
		expect(by.Tue).toMatchObject({ possible_sessions: 14, late_sessions: 0, late_per_100: 0, avg_minutes_late: null, minutes_recorded: 0 });
		expect(by.Fri).toMatchObject({ late_sessions: 1, avg_minutes_late: 20 });
	});

	it('counts L and U by year group, leaving out a pupil with no possible session', async () => {
		const { rows } = await api('lateness-year-group');
		expect(rows).toEqual([
			{ year_group: 'Year 7', year_group_sort: 7, pupils: 3, late_pupils: 2, possible_sessions: 44, late_sessions: 1, late_after_close_sessions: 1,
				late_per_100: 100 / 44, late_after_close_per_100: 100 / 44, avg_minutes_late: 10, avg_minutes_after_close: 40, minutes_recorded: 2, late_minutes_recorded: 1 },
			{ year_group: 'Year 8', year_group_sort: 8, pupils: 1, late_pupils: 1, possible_sessions: 18, late_sessions: 1, late_after_close_sessions: 0,
				late_per_100: 100 / 18, late_after_close_per_100: 0, avg_minutes_late: 20, avg_minutes_after_close: null, minutes_recorded: 1, late_minutes_recorded: 1 }
		]);
		const fsm = await api('lateness-year-group', '?cohort=fsm:FSM%20eligible');
		expect(fsm.rows.map((r) => [r.year_group, r.pupils, r.late_sessions, r.possible_sessions])).toEqual([['Year 7', 2, 1, 24]]);
	});
});

describe('/api/patterns errors', () => {
	it('refuses unknown datasets, bad filters and a bad split', async () => {
		expect(await statusOf(GET, '/api/patterns/nothing', { dataset: 'nothing' })).toBe(404);
		expect(await statusOf(GET, '/api/patterns/weekday?split=shoe', { dataset: 'weekday' })).toBe(400);
		expect(await statusOf(GET, '/api/patterns/month?to=2025-02-30', { dataset: 'month' })).toBe(400);
		expect(await statusOf(GET, '/api/patterns/month?school=x', { dataset: 'month' })).toBe(400);
	});

	it('answers no rows for a range without marks', async () => {
		const { rows, columns } = await api('week-of-term', '?from=2025-12-01&to=2025-12-31');
		expect(rows).toEqual([]);
		expect(columns).toEqual(['week_of_term', 'half_terms', 'school_days', 'possible_sessions', 'absent_sessions', 'absence_rate']);
	});
});
