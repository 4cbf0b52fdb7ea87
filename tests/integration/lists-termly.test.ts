import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// Termly checks: 10+ school days of unauthorised absence this term (sessions / 2), and EHC plan pupils whose
// attendance this half-term is 5+ points below last half-term's. Term dates (all schools): Autumn 1 2 Sep – 25 Oct,
// Autumn 2 4 Nov – 20 Dec 2024, Spring 1 6 Jan – 14 Feb 2025. School 100001's register: every weekday of
// Mon 2 – Fri 27 Sep (Autumn 1: 40 sessions), Mon 4 – Fri 15 Nov (Autumn 2: 20 sessions), Mon 6 – Fri 10 Jan 2025.
const T1 = upn('873400133001');
const T2 = upn('873400133002');
const T3 = upn('873400133003');
const T4 = upn('873400133004');
const E1 = upn('873400133005');
const E2 = upn('873400133006');
const E3 = upn('873400133007');
const E4 = upn('873400133008');

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const CALENDAR = [...weekdays('2024-09-02', '2024-09-27'), ...weekdays('2024-11-04', '2024-11-15'), ...weekdays('2025-01-06', '2025-01-10')];
const rows: string[] = [];
function attend(pupil: string, codes: Record<string, [string, string]> = {}) {
	for (const d of CALENDAR) {
		const [am, pm] = codes[d] ?? ['/', '\\'];
		rows.push(`${pupil},${d},AM,${am}`, `${pupil},${d},PM,${pm}`);
	}
}
const each = (dates: string[], am: string, pm: string) => Object.fromEntries(dates.map((d) => [d, [am, pm] as [string, string]]));

// T1: O O Mon 16 – Fri 27 Sep: 10 days this (autumn) term
attend(T1, each(weekdays('2024-09-16', '2024-09-27'), 'O', 'O'));
// T2: G G Mon 4 – Thu 14 Nov (9 days), U / Fri 15 Nov: 9.5 days, not listed
attend(T2, { ...each(weekdays('2024-11-04', '2024-11-14'), 'G', 'G'), '2024-11-15': ['U', '\\'] });
// T3: N N Mon 16 – Fri 20 Sep (5) and Mon 4 – Fri 8 Nov (5): 10 days across the two half-terms of the term
attend(T3, { ...each(weekdays('2024-09-16', '2024-09-20'), 'N', 'N'), ...each(weekdays('2024-11-04', '2024-11-08'), 'N', 'N') });
// T4: O O Mon 6 – Fri 10 Jan 2025: 5 days of the spring term
attend(T4, each(weekdays('2025-01-06', '2025-01-10'), 'O', 'O'));
// EHC plan pupils, Autumn 1 → Autumn 2 so far (to 15 Nov):
// E1: 40/40 → I I Mon 4 Nov: 18/20: 100% → 90%, down 10 points: listed
attend(E1, { '2024-11-04': ['I', 'I'] });
// E2: 40/40 → I Tue 5 Nov AM: 19/20: 100% → 95%, down exactly 5 points: listed
attend(E2, { '2024-11-05': ['I', '\\'] });
// E3: I I Mon 2 Sep: 38/40 → 20/20: 95% → 100%, up: not listed
attend(E3, { '2024-09-02': ['I', 'I'] });
// E4 (SEN support, not an EHC plan): I I Mon 4 Nov: 100% → 90%: not listed
attend(E4, { '2024-11-04': ['I', 'I'] });

const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;
const PUPILS = `UPN,SEN\n${E1},E\n${E2},E\n${E3},E\n${E4},K\n${T1},N\n`;
const TERMS = `academic_year,term,half_term,start_date,end_date
2024/25,Autumn,Autumn 1,2024-09-02,2024-10-25
2024/25,Autumn,Autumn 2,2024-11-04,2024-12-20
2024/25,Spring,Spring 1,2025-01-06,2025-02-14
`;

describe('list termly: unauthorised absence this term and EHCP attendance falls', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
		await importFile(w, tempFile('pupils.csv', PUPILS), { school: 100001 });
		await importFile(w, tempFile('terms.csv', TERMS));
	});

	it('as of Fri 15 Nov 2024: the autumn term from 2 Sep, and the fall since Autumn 1', async () => {
		const { rows } = await runList(w, 'termly', { on: '2024-11-15' });
		expect(rows.map((r) => [r.upn, r.reason, r.term_start, r.unauthorised_days])).toEqual([
			...[[T1, 'unauthorised', '2024-09-02', 10], [T3, 'unauthorised', '2024-09-02', 10]].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
			[E1, 'ehcp_drop', '2024-09-02', null],
			[E2, 'ehcp_drop', '2024-09-02', null]
		]);
		const e1 = rows.find((r) => r.upn === E1)!;
		expect([e1.attendance_rate, e1.previous_attendance_rate]).toEqual([0.9, 1]);
		expect(e1.attendance_change).toBeCloseTo(-0.1, 12);
		expect(rows.find((r) => r.upn === E2)).toMatchObject({ attendance_rate: 0.95, previous_attendance_rate: 1 });
		expect(Object.keys(rows[0])).toEqual(Object.keys(LISTS.termly.columns));
	});

	it('starts again with a new term, and takes its own thresholds', async () => {
		// as of Fri 10 Jan 2025 (spring term from 6 Jan): T4 has 5 days; last term's absence does not count.
		// Spring 1 vs Autumn 2: E1 18/20 → 10/10, E2 19/20 → 10/10: up, not listed
		expect((await runList(w, 'termly', { on: '2025-01-10' })).rows).toEqual([]);
		const own = await runList(w, 'termly', { on: '2025-01-10', unauthorised_days: 5 });
		expect(own.rows.map((r) => [r.upn, r.reason, r.term_start, r.unauthorised_days])).toEqual([[T4, 'unauthorised', '2025-01-06', 5]]);
		// a 6-point fall as of 15 Nov: E2's 5 points are not enough
		const drop = await runList(w, 'termly', { on: '2024-11-15', ehcp_drop: 0.06 });
		expect(drop.rows.filter((r) => r.reason === 'ehcp_drop').map((r) => r.upn)).toEqual([E1]);
	});
});
