import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// Unresolved N: an N (no reason yet) still held more than 5 school days after its session, age counted in the
// school's school days after the session up to --on. School 100001's school days, from its register:
//   Mon 15 – Fri 19 Jul 2024, Fri 16 Aug and Mon 19 Aug 2024 (2023/24); Mon 2 – Fri 20 Sep 2024 but Wed 11 Sep
//   (INSET, # for everyone: not a school day); Mon 16 Sep has a morning session only (PM #).
const N1 = upn('873400129001');
const N2 = upn('873400129002');
const N3 = upn('873400129003');
const U1 = upn('873400129004');

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const CALENDAR = [...weekdays('2024-07-15', '2024-07-19'), '2024-08-16', '2024-08-19', ...weekdays('2024-09-02', '2024-09-20')];
const rows: string[] = [];
function attend(pupil: string, codes: Record<string, [string, string]> = {}) {
	for (const d of CALENDAR) {
		let [am, pm] = codes[d] ?? ['/', '\\'];
		if (d === '2024-09-11') [am, pm] = ['#', '#'];
		if (d === '2024-09-16') pm = '#';
		rows.push(`${pupil},${d},AM,${am}`, `${pupil},${d},PM,${pm}`);
	}
}
// N1: N / Mon 2 Sep. N2: N N Wed 4 Sep, / N Fri 6 Sep. N3: N / Mon 2 Sep, amended to I by a later import.
// U1: N / Mon 15 Jul 2024 (last academic year).
attend(N1, { '2024-09-02': ['N', '\\'] });
attend(N2, { '2024-09-04': ['N', 'N'], '2024-09-06': ['/', 'N'] });
attend(N3, { '2024-09-02': ['N', '\\'] });
attend(U1, { '2024-07-15': ['N', '\\'] });

const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;
const AMENDMENT = `UPN,Date,Session,Mark\n${N3},2024-09-02,AM,I\n`;
const pick = (r: Record<string, unknown>) => [r.upn, r.unresolved_sessions, r.oldest_date, r.oldest_age_school_days, r.latest_date, r.sessions];

describe('list unresolved-n: N codes older than 5 school days', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
		await importFile(w, tempFile('amendment.csv', AMENDMENT), { school: 100001 });
	});

	it('lists an N once more than 5 school days have passed, INSET days not counted', async () => {
		// as of Mon 9 Sep: N1's 2 Sep is 5 school days old (3, 4, 5, 6, 9 Sep): not yet older than 5
		expect((await runList(w, 'unresolved-n', { on: '2024-09-09' })).rows).toEqual([]);
		// as of Tue 10 Sep: 6 days
		const { rows } = await runList(w, 'unresolved-n', { on: '2024-09-10' });
		expect(rows.map(pick)).toEqual([[N1, 1, '2024-09-02', 6, '2024-09-02', '2024-09-02 AM']]);
		expect(Object.keys(rows[0])).toEqual(Object.keys(LISTS['unresolved-n'].columns));
		// as of Fri 13 Sep: N1 3, 4, 5, 6, 9, 10, 12, 13 Sep = 8 (11 Sep INSET); N2's 4 Sep: 5, 6, 9, 10, 12, 13 = 6;
		// its 6 Sep PM: 9, 10, 12, 13 = 4, not yet. N3's N was amended to I.
		expect((await runList(w, 'unresolved-n', { on: '2024-09-13' })).rows.map(pick)).toEqual([
			[N1, 1, '2024-09-02', 8, '2024-09-02', '2024-09-02 AM'],
			[N2, 2, '2024-09-04', 6, '2024-09-04', '2024-09-04 AM; 2024-09-04 PM']
		]);
	});

	it('counts a day with one session as a school day, as of the latest marked day by default', async () => {
		// as of Tue 17 Sep (Mon 16 Sep had a morning only): N2's 6 Sep PM: 9, 10, 12, 13, 16, 17 = 6
		expect((await runList(w, 'unresolved-n', { on: '2024-09-17' })).rows.map(pick)).toEqual([
			[N1, 1, '2024-09-02', 10, '2024-09-02', '2024-09-02 AM'],
			[N2, 3, '2024-09-04', 8, '2024-09-06', '2024-09-04 AM; 2024-09-04 PM; 2024-09-06 PM']
		]);
		const latest = await runList(w, 'unresolved-n');
		expect(latest.on).toBe('2024-09-20');
		expect(latest.rows.map((r) => [r.upn, r.oldest_age_school_days])).toEqual([[N1, 13], [N2, 11]]);
	});

	it('counts school days across the summer within the year, and keeps to the academic year of --on', async () => {
		// as of Mon 19 Aug 2024: U1's 15 Jul: 16, 17, 18, 19 Jul, 16 Aug, 19 Aug = 6 school days (not 35 calendar days)
		expect((await runList(w, 'unresolved-n', { on: '2024-08-19' })).rows.map(pick)).toEqual([[U1, 1, '2024-07-15', 6, '2024-07-15', '2024-07-15 AM']]);
		expect((await runList(w, 'unresolved-n', { on: '2024-08-16' })).rows).toEqual([]); // 5 days
		// 2024/25 lists leave out last year's N (see 13 Sep above)
	});

	it('takes its own number of days', async () => {
		// as of Fri 6 Sep: N1 4 days old (3, 4, 5, 6); N2's 4 Sep 2 days (5, 6), its 6 Sep 0 days
		expect((await runList(w, 'unresolved-n', { on: '2024-09-06', days: 2 })).rows.map((r) => r.upn)).toEqual([N1]);
		expect((await runList(w, 'unresolved-n', { on: '2024-09-06', days: 0 })).rows.map((r) => [r.upn, r.unresolved_sessions, r.oldest_age_school_days])).toEqual([
			[N1, 1, 4],
			[N2, 2, 2]
		]);
		await expect(runList(w, 'unresolved-n', { days: 'five' })).rejects.toThrow(/days must be a whole number/);
	});
});
