import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// Part-time timetables: pupils with C2 sessions this academic year, with their sessions so far. C2 exists
// from 19 Aug 2024 (before, C was used). School 100001: every weekday Mon 15 – Fri 19 Jul 2024 (2023/24) and
// Mon 2 – Fri 13 Sep 2024 (2024/25: 20 sessions).
const PT1 = upn('873400135001');
const PT2 = upn('873400135002');
const PT3 = upn('873400135003');

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const CALENDAR = [...weekdays('2024-07-15', '2024-07-19'), ...weekdays('2024-09-02', '2024-09-13')];
const rows: string[] = [];
function attend(pupil: string, codes: Record<string, [string, string]> = {}) {
	for (const d of CALENDAR) {
		const [am, pm] = codes[d] ?? ['/', '\\'];
		rows.push(`${pupil},${d},AM,${am}`, `${pupil},${d},PM,${pm}`);
	}
}
const each = (dates: string[], am: string, pm: string) => Object.fromEntries(dates.map((d) => [d, [am, pm] as [string, string]]));

// PT1: / C2 Mon 2 – Fri 6 Sep (5), C2 C2 Mon 9 Sep (2): 7 C2; I / Tue 10 Sep: 1 other absence; attended 20 - 8 = 12
attend(PT1, { ...each(weekdays('2024-09-02', '2024-09-06'), '/', 'C2'), '2024-09-09': ['C2', 'C2'], '2024-09-10': ['I', '\\'] });
// PT2: / C every afternoon in July 2024 (the old code set: last year), C2 / Fri 13 Sep: 1 C2
attend(PT2, { ...each(weekdays('2024-07-15', '2024-07-19'), '/', 'C'), '2024-09-13': ['C2', '\\'] });
// PT3: M M Mon 2 Sep: no C2, not listed
attend(PT3, { '2024-09-02': ['M', 'M'] });

const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;

describe('list part-time: C2 part-time timetables', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
	});

	it('lists this year’s C2 pupils with their sessions so far, latest C2 first', async () => {
		const { rows } = await runList(w, 'part-time');
		expect(rows).toEqual([
			{ upn: PT2, c2_sessions: 1, first_c2_date: '2024-09-13', latest_c2_date: '2024-09-13', possible_sessions: 20, attended_sessions: 19, other_absent_sessions: 0, school_urn: 100001 },
			{ upn: PT1, c2_sessions: 7, first_c2_date: '2024-09-02', latest_c2_date: '2024-09-09', possible_sessions: 20, attended_sessions: 12, other_absent_sessions: 1, school_urn: 100001 }
		]);
		expect(Object.keys(rows[0])).toEqual(Object.keys(LISTS['part-time'].columns));
	});

	it('as of an earlier date, and not last year’s C', async () => {
		// as of Fri 6 Sep: PT1 5 C2 of 10 sessions
		expect((await runList(w, 'part-time', { on: '2024-09-06' })).rows.map((r) => [r.upn, r.c2_sessions, r.possible_sessions, r.attended_sessions])).toEqual([[PT1, 5, 10, 5]]);
		expect((await runList(w, 'part-time', { on: '2024-07-19' })).rows).toEqual([]);
	});
});
