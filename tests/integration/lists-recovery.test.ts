import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// Recovery: for pupils below 90% this year, the sessions to attend to finish the year at 90% and 95%.
// Term dates for 2024/25 (a short year, for hand counting): Autumn 1 Mon 2 – Fri 27 Sep 2024, Autumn 2 Mon 7 –
// Fri 18 Oct 2024: 30 weekdays, 60 sessions. School 100001's register: every weekday Mon 15 – Fri 19 Jul 2024
// (2023/24, no term dates held) and Mon 2 – Fri 13 Sep 2024 (20 sessions). As of Fri 13 Sep the weekdays left in
// term are 16–27 Sep (10) and 7–18 Oct (10): 20 school days, 40 sessions; the year's possible = possible + 40.
const V1 = upn('873400137001');
const V2 = upn('873400137002');
const V3 = upn('873400137003');
const V4 = upn('873400137004');
const V5 = upn('873400137005'); // joins Tue 3 Sep

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const JULY = weekdays('2024-07-15', '2024-07-19');
const SEPT = weekdays('2024-09-02', '2024-09-13');
const rows: string[] = [];
function attend(pupil: string, absentSessions: number, dates = [...JULY, ...SEPT], julyCode = '/') {
	let left = absentSessions;
	for (const d of dates) {
		const inJuly = d < '2024-09-01';
		for (const s of ['AM', 'PM']) {
			const code = inJuly ? (julyCode === '/' ? (s === 'AM' ? '/' : '\\') : julyCode) : left-- > 0 ? 'O' : s === 'AM' ? '/' : '\\';
			rows.push(`${pupil},${d},${s},${code}`);
		}
	}
}
// V1 14/20 (70%): 90%: 0.9 × 60 = 54, 54 − 14 = 40 of 40: just possible; 95%: 57 − 14 = 43 > 40: no longer possible
attend(V1, 6, [...JULY, ...SEPT], 'I');
// V2 17/20 (85%): 90%: 54 − 17 = 37; 95%: 57 − 17 = 40 of 40
attend(V2, 3);
// V3 13/20 (65%): 41 > 40 and 44 > 40: no longer possible
attend(V3, 7);
// V4 18/20: exactly 90%, not below: not listed
attend(V4, 2);
// V5 joins Tue 3 Sep: 15/18 (83.3%): 90%: 0.9 × 58 = 52.2 → ceil(52.2 − 15) = 38; 95%: 0.95 × 58 = 55.1 → 41 > 40
attend(V5, 3, SEPT.slice(1));

const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;
const TERMS = `academic_year,term,half_term,start_date,end_date
2024/25,Autumn,Autumn 1,2024-09-02,2024-09-27
2024/25,Autumn,Autumn 2,2024-10-07,2024-10-18
`;
const pick = (r: Record<string, unknown>) => [r.upn, r.attended_sessions, r.possible_sessions, r.school_days_left, r.sessions_left, r.sessions_needed_low, r.outlook_low, r.sessions_needed_high, r.outlook_high];
const NO = 'no longer possible';

describe('list recovery: sessions needed to reach 90% and 95% by the end of the year', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
		await importFile(w, tempFile('terms.csv', TERMS), { school: 100001 });
	});

	it('works out the sessions needed from the sessions left in the term dates, lowest attendance first', async () => {
		const { rows } = await runList(w, 'recovery');
		expect(rows.map(pick)).toEqual([
			[V3, 13, 20, 20, 40, null, NO, null, NO],
			[V1, 14, 20, 20, 40, 40, 'attend 40 of 40 sessions in 20 school days', null, NO],
			[V5, 15, 18, 20, 40, 38, 'attend 38 of 40 sessions in 20 school days', null, NO],
			[V2, 17, 20, 20, 40, 37, 'attend 37 of 40 sessions in 20 school days', 40, 'attend 40 of 40 sessions in 20 school days']
		]);
		expect(rows[0].attendance_rate).toBe(0.65);
		expect(Object.keys(rows[0])).toEqual(Object.keys(LISTS.recovery.columns));
	});

	it('as of an earlier date, with its own targets; unknown without term dates', async () => {
		// as of Fri 6 Sep: 10 sessions held, left 9–27 Sep (15) + 7–18 Oct (10) = 25 days, 50 sessions, year 60.
		// V3 O×7 → 3/10; V1 O×6 → 4/10; V5 (from 3 Sep) O×3 → 5/8; V2 O×3 → 7/10; V4 O×2 → 8/10 (80%, listed now).
		// V4 at 90%: 54 − 8 = 46 of 50; at 95%: 57 − 8 = 49 of 50
		const early = await runList(w, 'recovery', { on: '2024-09-06' });
		expect(early.rows.map((r) => [r.upn, r.attended_sessions, r.sessions_left, r.sessions_needed_low, r.sessions_needed_high])).toEqual([
			[V3, 3, 50, null, null], // 54 − 3 = 51 > 50; 57 − 3 = 54
			[V1, 4, 50, 50, null], // 54 − 4 = 50; 57 − 4 = 53
			[V5, 5, 50, 48, null], // 8 held: 0.9 × 58 = 52.2 − 5 = 47.2 → 48; 0.95 × 58 = 55.1 − 5 = 50.1 → 51 > 50
			[V2, 7, 50, 47, 50],
			[V4, 8, 50, 46, 49]
		]);
		// own targets 0.8 / 0.85: V4 (80%) is not below 80%
		const own = await runList(w, 'recovery', { on: '2024-09-06', target_low: 0.8, target_high: 0.85 });
		expect(own.rows.map((r) => r.upn)).not.toContain(V4);
		await expect(runList(w, 'recovery', { target_low: 0.95, target_high: 0.9 })).rejects.toThrow(/target_high must be at or above target_low/);
		// 2023/24 (no term dates held): V1 was ill all week in July: 0/10, the outlook unknown
		const july = await runList(w, 'recovery', { on: '2024-07-19' });
		expect(july.rows.map(pick)).toEqual([[V1, 0, 10, null, null, null, null, null, null]]);
	});
});
