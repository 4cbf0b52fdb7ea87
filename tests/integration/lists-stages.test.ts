import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// The staged approach: absent days this academic year = absent sessions / 2; stages at 4, 7, 10, 13, 16
// days, 19+ persistent. School 100001's register:
//   2023/24: every weekday Mon 1 – Fri 19 Jul 2024, Fri 16 Aug 2024 (old code set), Mon 19 Aug 2024 (new)
//   2024/25: every weekday Mon 2 Sep – Fri 4 Oct 2024
const S1 = upn('873400127001');
const S2 = upn('873400127002');
const S3 = upn('873400127003');
const S4 = upn('873400127004');
const S5 = upn('873400127005');
const S6 = upn('873400127006'); // joins Mon 23 Sep 2024

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const CALENDAR = [...weekdays('2024-07-01', '2024-07-19'), '2024-08-16', '2024-08-19', ...weekdays('2024-09-02', '2024-10-04')];
const rows: string[] = [];
function attend(pupil: string, dates: string[], codes: Record<string, [string, string]> = {}) {
	for (const d of dates) {
		const [am, pm] = codes[d] ?? ['/', '\\'];
		rows.push(`${pupil},${d},AM,${am}`, `${pupil},${d},PM,${pm}`);
	}
}
const each = (dates: string[], am: string, pm: string) => Object.fromEntries(dates.map((d) => [d, [am, pm] as [string, string]]));

// S1 (2023/24): I I Mon 1 – Thu 4 Jul (8 sessions = 4 days: stage 1 on Thu 4 Jul); H H Fri 16 Aug (authorised
//    under the old code set: 10); J1 J1 Mon 19 Aug (authorised leave for an interview: 12 sessions, 6 days).
attend(S1, CALENDAR, { ...each(weekdays('2024-07-01', '2024-07-04'), 'I', 'I'), '2024-08-16': ['H', 'H'], '2024-08-19': ['J1', 'J1'] });
// S2 (2023/24): I I Mon 1 – Wed 3 Jul (6); J J Fri 16 Aug (an approved activity before 19 Aug 2024: still 6);
//    J1 J1 Mon 19 Aug (authorised absence from 19 Aug: 8 = 4 days): stage 1 on 19 Aug, not 16 Aug.
attend(S2, CALENDAR, { ...each(weekdays('2024-07-01', '2024-07-03'), 'I', 'I'), '2024-08-16': ['J', 'J'], '2024-08-19': ['J1', 'J1'] });
// S3 (2024/25): O O every day Mon 2 – Thu 26 Sep (19 days), present after. Days: 5 Sep 4 (stage 1),
//    10 Sep 7 (stage 2), 13 Sep 10 (stage 3, at risk), 18 Sep 13 (stage 4), 23 Sep 16 (stage 5), 26 Sep 19 (persistent).
attend(S3, CALENDAR, each(weekdays('2024-09-02', '2024-09-26'), 'O', 'O'));
// S4 (2024/25): I in the morning only, Mon 2 – Wed 11 Sep (8 mornings): 3.5 days on 10 Sep, 4 days on Wed 11 Sep.
attend(S4, CALENDAR, each(weekdays('2024-09-02', '2024-09-11'), 'I', '\\'));
// S5 (2024/25): O O Mon 30 Sep – Wed 2 Oct, M / Thu 3 Oct: 7 sessions = 3.5 days, below stage 1: never listed.
attend(S5, CALENDAR, { ...each(weekdays('2024-09-30', '2024-10-02'), 'O', 'O'), '2024-10-03': ['M', '\\'] });
// S6 joins Mon 23 Sep: G G Mon 23 – Thu 26 Sep: 4 days, stage 1 on 26 Sep.
attend(S6, CALENDAR.filter((d) => d >= '2024-09-23'), each(weekdays('2024-09-23', '2024-09-26'), 'G', 'G'));

const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;
const pick = (r: Record<string, unknown>) => [r.upn, r.absent_days, r.stage_days, r.stage_name, r.crossed_on, r.stage_days_on_since, r.band];

describe('list stages: the 19-day staged approach', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
	});

	it('lists every pupil at a stage this year when no --since is given, highest stage first', async () => {
		const { rows, on } = await runList(w, 'stages');
		expect(on).toBe('2024-10-04');
		// 2024/25 only (S1 and S2's 2023/24 absence is last year's). S5 3.5 days: no stage.
		expect(rows.map(pick)).toEqual([
			[S3, 19, 19, 'Persistent', '2024-09-26', null, 'persistent'],
			[S6, 4, 4, 'Stage 1', '2024-09-26', null, null],
			[S4, 4, 4, 'Stage 1', '2024-09-11', null, null]
		]);
		expect(rows[0]).toMatchObject({ absent_sessions: 38, school_urn: 100001 });
		expect(Object.keys(rows[0])).toEqual(Object.keys(LISTS['stages'].columns));
	});

	it('lists the pupils who crossed a stage since a date, with the stage held then', async () => {
		const { rows } = await runList(w, 'stages', { since: '2024-09-20' });
		// on 20 Sep S3 had 15 days (stage 4, 13 days, crossed 18 Sep); S6 had not joined; S4 crossed on 11 Sep: not listed
		expect(rows.map(pick)).toEqual([
			[S3, 19, 19, 'Persistent', '2024-09-26', 13, 'persistent'],
			[S6, 4, 4, 'Stage 1', '2024-09-26', null, null]
		]);
	});

	it('reproduces last week’s list from the marks up to --on', async () => {
		const { rows } = await runList(w, 'stages', { on: '2024-09-13', since: '2024-09-06' });
		// as of 13 Sep: S3 10 days (stage 3 crossed 13 Sep; 5 days on 6 Sep: stage 1), at risk (10–18 days);
		// S4 8 mornings = 4 days, stage 1 on 11 Sep (2.5 days on 6 Sep: no stage)
		expect(rows.map(pick)).toEqual([
			[S3, 10, 10, 'Stage 3', '2024-09-13', 4, 'at risk'],
			[S4, 4, 4, 'Stage 1', '2024-09-11', null, null]
		]);
	});

	it('counts J as an approved activity before 19 Aug 2024 and J1 and H as absence (2023/24)', async () => {
		const { rows } = await runList(w, 'stages', { on: '2024-08-19' });
		// S1: 12 sessions = 6 days, stage 1 on 4 Jul; S2: 8 sessions = 4 days, stage 1 on 19 Aug (J J on 16 Aug not absent)
		expect(rows.map(pick)).toEqual([
			[S2, 4, 4, 'Stage 1', '2024-08-19', null, null],
			[S1, 6, 4, 'Stage 1', '2024-07-04', null, null]
		]);
		const before = await runList(w, 'stages', { on: '2024-08-16' });
		// on 16 Aug: S1 5 days (stage 1 on 4 Jul); S2 3 days, no stage
		expect(before.rows.map(pick)).toEqual([[S1, 5, 4, 'Stage 1', '2024-07-04', null, null]]);
	});
});
