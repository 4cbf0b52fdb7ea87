import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// Continuous absence: a current run of 10+ consecutive school days on which every possible session is G, N
// or O (a child-missing-education referral), and 15+ days of illness (I sessions / 2) this academic year.
// School 100001's school days, from its register:
//   Mon 15 – Fri 19 Jul 2024 (2023/24); summer holiday; Mon 2 Sep – Fri 25 Oct 2024 but Wed 11 Sep, an INSET
//   day (# for everyone: not a school day); Mon 14 Oct has a morning session only (PM # for everyone);
//   October half-term (no marks); Mon 4 – Fri 8 Nov 2024.
const M1 = upn('873400128001');
const M2 = upn('873400128002');
const M3 = upn('873400128003');
const M4 = upn('873400128004');
const M5 = upn('873400128005');
const M6 = upn('873400128006');
const I1 = upn('873400128007');
const I2 = upn('873400128008');

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const CALENDAR = [...weekdays('2024-07-15', '2024-07-19'), ...weekdays('2024-09-02', '2024-10-25'), ...weekdays('2024-11-04', '2024-11-08')];
const rows: string[] = [];
function attend(pupil: string, codes: Record<string, [string, string]> = {}) {
	for (const d of CALENDAR) {
		let [am, pm] = codes[d] ?? ['/', '\\'];
		if (d === '2024-09-11') [am, pm] = ['#', '#'];
		if (d === '2024-10-14') pm = '#';
		rows.push(`${pupil},${d},AM,${am}`, `${pupil},${d},PM,${pm}`);
	}
}
const each = (dates: string[], am: string, pm: string) => Object.fromEntries(dates.map((d) => [d, [am, pm] as [string, string]]));

// M1: O O on every school day Mon 21 Oct – Fri 8 Nov: 21–25 Oct (5) + 4–8 Nov (5) = 10 days across half-term.
attend(M1, each([...weekdays('2024-10-21', '2024-10-25'), ...weekdays('2024-11-04', '2024-11-08')], 'O', 'O'));
// M2: N N Mon 2 – Mon 16 Sep: school days 2, 3, 4, 5, 6, 9, 10, 12, 13, 16 Sep (11 Sep is INSET) = 10 days; present from 17 Sep.
attend(M2, each(weekdays('2024-09-02', '2024-09-16'), 'N', 'N'));
// M3: U U (late after registers closed: seen in school) Mon 23 Sep – Fri 4 Oct: never a missing day.
attend(M3, each(weekdays('2024-09-23', '2024-10-04'), 'U', 'U'));
// M4: O O Mon 23 Sep – Fri 4 Oct but Mon 30 Sep O M (a medical appointment breaks the run): 23–27 Sep (5), 1–4 Oct (4).
attend(M4, { ...each(weekdays('2024-09-23', '2024-10-04'), 'O', 'O'), '2024-09-30': ['O', 'M'] });
// M5: O O Mon 7 – Fri 18 Oct, Mon 14 Oct O (the school's only session that day), Tue 15 Oct O Y1 (transport not
//    available: not a possible session): 7, 8, 9, 10, 11, 14, 15, 16, 17, 18 Oct = 10 days; present from 21 Oct.
attend(M5, { ...each(weekdays('2024-10-07', '2024-10-18'), 'O', 'O'), '2024-10-15': ['O', 'Y1'] });
// M6: O O Mon 15 – Fri 19 Jul 2024 (5) and Mon 2 – Fri 6 Sep 2024 (5): 10 days across the summer and two years.
attend(M6, each([...weekdays('2024-07-15', '2024-07-19'), ...weekdays('2024-09-02', '2024-09-06')], 'O', 'O'));
// I1: I I Mon 2 – Fri 20 Sep but INSET 11 Sep: 14 days (28 sessions); I / Mon 23 Sep (29); I Mon 14 Oct (30) = 15 days.
attend(I1, { ...each(weekdays('2024-09-02', '2024-09-20'), 'I', 'I'), '2024-09-23': ['I', '\\'], '2024-10-14': ['I', '#'] });
// I2: I I Mon 15 – Fri 19 Jul 2024 (5 days, last year) and Mon 2 – Mon 16 Sep 2024 (10 days this year): 10, not 15.
attend(I2, each([...weekdays('2024-07-15', '2024-07-19'), ...weekdays('2024-09-02', '2024-09-16')], 'I', 'I'));

const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;
const pick = (r: Record<string, unknown>) => [r.upn, r.reason, r.start_date, r.days_so_far, r.latest_date];

describe('list continuous: continuous unauthorised absence and illness', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
	});

	it('follows a run across the summer holiday into a new academic year', async () => {
		const { rows } = await runList(w, 'continuous', { on: '2024-09-06' });
		// M6 10 days from 15 Jul; M2 5 days so far; I1, I2 5 days of illness
		expect(rows.map(pick)).toEqual([[M6, 'missing', '2024-07-15', 10, '2024-09-06']]);
		expect(Object.keys(rows[0])).toEqual(Object.keys(LISTS.continuous.columns));
		// on Mon 9 Sep M6 is present: the run has ended
		expect((await runList(w, 'continuous', { on: '2024-09-09' })).rows).toEqual([]);
	});

	it('skips a day the school was closed (INSET) and ends a run when the pupil comes back', async () => {
		expect((await runList(w, 'continuous', { on: '2024-09-16' })).rows.map(pick)).toEqual([[M2, 'missing', '2024-09-02', 10, '2024-09-16']]);
		expect((await runList(w, 'continuous', { on: '2024-09-17' })).rows).toEqual([]);
		// the actions: 10 days a missing-education referral; with removal_days 10, the removal-from-roll checks
		expect((await runList(w, 'continuous', { on: '2024-09-16' })).rows[0].action).toBe('child-missing-education referral');
		expect((await runList(w, 'continuous', { on: '2024-09-16', removal_days: 10 })).rows[0].action).toBe('removal-from-roll and missing-education checks');
	});

	it('counts a day with one possible session, and leaves out U days and runs broken by another code', async () => {
		const { rows } = await runList(w, 'continuous', { on: '2024-10-18' });
		// M5 10 days from 7 Oct; I1 15 days of illness by 14 Oct (14 + 0.5 + 0.5); M3 (U) and M4 (5 + 4) not listed
		expect(rows.map(pick)).toEqual([
			[M5, 'missing', '2024-10-07', 10, '2024-10-18'],
			[I1, 'illness', '2024-09-02', 15, '2024-10-14']
		]);
		expect((await runList(w, 'continuous', { on: '2024-10-11' })).rows.map(pick)).toEqual([]); // I1 14.5 days, M5 5
		// a shorter run on request: M4's current run is 1–4 Oct (4 days)
		expect((await runList(w, 'continuous', { on: '2024-10-04', missing_days: 4 })).rows.map(pick)).toEqual([[M4, 'missing', '2024-10-01', 4, '2024-10-04']]);
	});

	it('runs as of the latest marked day by default: a run across half-term', async () => {
		const { rows, on } = await runList(w, 'continuous');
		expect(on).toBe('2024-11-08');
		// I2 has 10 days of illness this year: its 5 in July 2024 are last year's
		expect(rows.map(pick)).toEqual([
			[M1, 'missing', '2024-10-21', 10, '2024-11-08'],
			[I1, 'illness', '2024-09-02', 15, '2024-10-14']
		]);
		expect(rows[1].action).toBe('notify the local authority');
	});
});
