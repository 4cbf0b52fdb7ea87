import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { runReport } from '../../src/lib/server/reports';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, tempFile } from '../helpers/warehouse';
import { upn } from '../helpers/upn';

// A hand-built register for school 100001, every figure below worked out by hand.
const P1 = upn('873400125001'); // 10 possible, 1 absent (I): exactly 10% → persistent, not severe
const P2 = upn('873400125002'); // 11 possible, 1 absent: 9.1% → not persistent
const P3 = upn('873400125003'); // 4 possible, 2 unauthorised (O): 50% → persistent and severe
const P4 = upn('873400125004'); // only not-possible marks (# and Y): no possible session, not counted
const P5 = upn('873400125005'); // V P B (AEA), L (present, late), U (unauthorised, late), M (authorised), D (not possible)
const P6 = upn('873400125006'); // the 2024 code change: J on Fri 16 Aug 2024 is AEA, J1 on Mon 19 Aug 2024 authorised

// Mon 1 – Fri 5 July 2024 and Mon 8 July 2024
const WEEK = ['2024-07-01', '2024-07-02', '2024-07-03', '2024-07-04', '2024-07-05'];
const rows: string[] = [];
const mark = (pupil: string, date: string, session: 'AM' | 'PM', code: string) => rows.push(`${pupil},${date},${session},${code}`);
const day = (pupil: string, date: string, am: string, pm: string) => (mark(pupil, date, 'AM', am), mark(pupil, date, 'PM', pm));

WEEK.forEach((d, i) => day(P1, d, i === 2 ? 'I' : '/', '\\')); // Wed 3 July AM: I
WEEK.forEach((d, i) => day(P2, d, '/', i === 4 ? 'I' : '\\')); // Fri 5 July PM: I
mark(P2, '2024-07-08', 'AM', '/'); // 11th session
day(P3, '2024-07-01', 'O', 'O');
day(P3, '2024-07-02', '/', '\\');
day(P4, '2024-07-01', '#', '#');
day(P4, '2024-07-02', 'Y', 'Y');
day(P5, '2024-07-01', 'V', 'P');
day(P5, '2024-07-02', 'B', 'L');
day(P5, '2024-07-03', 'U', 'M');
day(P5, '2024-07-04', 'D', 'D');
day(P6, '2024-08-16', 'J', '\\');
day(P6, '2024-08-19', 'J1', '\\');

const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;
const ALL = { from: '2024-07-01', to: '2024-08-31' };

describe('measures on a hand-built register', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
	});

	it('counts each pupil’s sessions by category, leaving out pupils with no possible session', async () => {
		const { rows } = await runReport(w, 'pupils', ALL);
		const byUpn = Object.fromEntries(rows.map((r) => [r.upn, r]));
		expect(Object.keys(byUpn).sort()).toEqual([P1, P2, P3, P5, P6].sort());
		expect(byUpn[P1]).toMatchObject({ possible_sessions: 10, present_sessions: 9, authorised_sessions: 1, unauthorised_sessions: 0, absence_rate: 0.1, persistent: true, severe: false });
		expect(byUpn[P2]).toMatchObject({ possible_sessions: 11, authorised_sessions: 1, absence_rate: 1 / 11, persistent: false, severe: false });
		expect(byUpn[P3]).toMatchObject({ possible_sessions: 4, unauthorised_sessions: 2, absence_rate: 0.5, persistent: true, severe: true });
		expect(byUpn[P5]).toMatchObject({ possible_sessions: 6, present_sessions: 1, aea_sessions: 3, authorised_sessions: 1, unauthorised_sessions: 1, absence_rate: 2 / 6 });
		// J (16 Aug, pre-2024 set) is an approved activity; J1 (19 Aug) is an authorised absence
		expect(byUpn[P6]).toMatchObject({ possible_sessions: 4, present_sessions: 2, aea_sessions: 1, authorised_sessions: 1 });
	});

	it('sums the parts for the whole school and divides once', async () => {
		const { rows } = await runReport(w, 'summary', ALL);
		// possible 10+11+4+6+4 = 35; authorised 1+1+0+1+1 = 4; unauthorised 0+0+2+1+0 = 3
		expect(rows[0]).toEqual({
			pupils: 5,
			possible_sessions: 35,
			authorised_sessions: 4,
			unauthorised_sessions: 3,
			overall_absence_rate: 7 / 35,
			persistent_pupils: 4, // P1 (10%), P3 (50%), P5 (33%), P6 (25%)
			severe_pupils: 1 // P3
		});
	});

	it('keeps to the date range, both ends included', async () => {
		const { rows } = await runReport(w, 'pupils', { from: '2024-07-03', to: '2024-07-03' });
		// Wed 3 July: P1 I + \, P2 / + \, P5 U + M
		expect(rows.map((r) => [r.upn, r.possible_sessions, (r.authorised_sessions as number) + (r.unauthorised_sessions as number)])).toEqual(
			[[P1, 2, 1], [P2, 2, 0], [P5, 2, 2]].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
		);
	});

	it('splits absence by weekday and session', async () => {
		const { rows } = await runReport(w, 'weekday', ALL);
		const mon = (s: string) => rows.find((r) => r.weekday === 'Mon' && r.session === s);
		// Mondays: 1 July (P1 / \, P2 / \, P3 O O, P5 V P) and 8 July (P2 / AM), 19 Aug (P6 J1 \)
		expect(mon('AM')).toMatchObject({ possible_sessions: 6, absent_sessions: 2, absence_rate: 2 / 6 });
		expect(mon('PM')).toMatchObject({ possible_sessions: 5, absent_sessions: 1 });
		expect(rows.map((r) => `${r.weekday} ${r.session}`)).toEqual(
			['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].flatMap((d) => [`${d} AM`, `${d} PM`])
		);
	});

	it('counts every code used, the not-possible ones included', async () => {
		const { rows } = await runReport(w, 'codes', ALL);
		const sessions = Object.fromEntries(rows.map((r) => [r.code, r.sessions]));
		expect(sessions).toMatchObject({ '#': 2, Y: 2, D: 2, I: 2, O: 2, J: 1, J1: 1, L: 1, U: 1, M: 1, V: 1, P: 1, B: 1 });
		expect(Object.values(sessions).reduce((a, b) => (a as number) + (b as number), 0)).toBe(41); // P1 10 + P2 11 + P3 4 + P4 4 + P5 8 + P6 4
	});

	it('defaults to the latest academic year with marks', async () => {
		const report = await runReport(w, 'summary');
		expect([report.from, report.to]).toEqual(['2023-09-01', '2024-08-31']);
	});
});
