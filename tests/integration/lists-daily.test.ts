import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// First-day calls: pupils with an N (no reason yet) on the day, vulnerable first, with school days absent in a
// row (every possible session an absence). School 100001: every weekday Mon 2 – Fri 13 Sep 2024 but Wed 11 Sep,
// an INSET day (# for everyone: not a school day).
const D1 = upn('873400132001'); // looked after
const D2 = upn('873400132002');
const D3 = upn('873400132003'); // EHC plan
const D4 = upn('873400132004'); // child in need
const D5 = upn('873400132005');
const D6 = upn('873400132006');

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const CALENDAR = weekdays('2024-09-02', '2024-09-13');
const rows: string[] = [];
function attend(pupil: string, codes: Record<string, [string, string | null]> = {}) {
	for (const d of CALENDAR) {
		let [am, pm] = codes[d] ?? ['/', '\\'];
		if (d === '2024-09-11') [am, pm] = ['#', '#'];
		rows.push(`${pupil},${d},AM,${am}`);
		if (pm !== null) rows.push(`${pupil},${d},PM,${pm}`);
	}
}
const each = (dates: string[], am: string, pm: string) => Object.fromEntries(dates.map((d) => [d, [am, pm] as [string, string]]));

// D1: I I Tue 10, Thu 12 Sep, N N Fri 13 Sep: absent 10, 12, 13 Sep = 3 days in a row (11 Sep INSET)
attend(D1, { '2024-09-10': ['I', 'I'], '2024-09-12': ['I', 'I'], '2024-09-13': ['N', 'N'] });
// D2: O O Wed 4 – Thu 12 Sep, N N Fri 13 Sep: 4, 5, 6, 9, 10, 12, 13 Sep = 7 days: more than 4, a home visit
attend(D2, { ...each(weekdays('2024-09-04', '2024-09-12'), 'O', 'O'), '2024-09-13': ['N', 'N'] });
// D3: N / Fri 13 Sep: came in the afternoon: 0 days absent in a row
attend(D3, { '2024-09-13': ['N', '\\'] });
// D4: I I Thu 12 Sep, N Fri 13 Sep morning (the afternoon register not yet in the export): 2 days
attend(D4, { '2024-09-12': ['I', 'I'], '2024-09-13': ['N', null] });
// D5: O O Fri 13 Sep: a reason is known (O), not a first-day call
attend(D5, { '2024-09-13': ['O', 'O'] });
// D6: N N Thu 12 Sep, present Fri 13 Sep
attend(D6, { '2024-09-12': ['N', 'N'] });

const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;
const PUPILS = `UPN,Forename,Surname,SEN,CLA,CIN,CPP
${D1},Ava,Cole,N,Y,N,N
${D2},Ben,Dale,N,N,N,N
${D3},Cara,Eve,E,N,N,N
${D4},Dan,Fox,K,N,Y,N
`;
const pick = (r: Record<string, unknown>) => [r.upn, r.n_sessions, r.days_absent_in_row, r.home_visit];

describe('list daily: first-day calls', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
		await importFile(w, tempFile('pupils.csv', PUPILS), { school: 100001 });
	});

	it('lists today’s N sessions, vulnerable pupils first, with days absent in a row', async () => {
		const { rows, on } = await runList(w, 'daily');
		expect(on).toBe('2024-09-13');
		// vulnerable: D1 (CLA) 3 days, D4 (CIN) 2, D3 (EHCP) 0; then D2 7 days (home visit)
		expect(rows.map(pick)).toEqual([
			[D1, 'AM PM', 3, false],
			[D4, 'AM', 2, false],
			[D3, 'AM', 0, false],
			[D2, 'AM PM', 7, true]
		]);
		expect(rows[0]).toEqual({ upn: D1, forename: 'Ava', surname: 'Cole', n_sessions: 'AM PM', days_absent_in_row: 3, home_visit: false, cla: true, child_in_need: false, child_protection_plan: false, ehcp: false, school_urn: 100001 });
		expect(rows.map((r) => [r.cla, r.child_in_need, r.ehcp])).toEqual([[true, false, false], [false, true, false], [false, false, true], [false, false, false]]);
		expect(Object.keys(rows[0])).toEqual(Object.keys(LISTS.daily.columns));
	});

	it('reproduces an earlier day’s list, and takes its own home-visit threshold', async () => {
		// Thu 12 Sep: D6 (N N) absent 1 day in a row (present on 10 Sep, 11 Sep INSET)
		expect((await runList(w, 'daily', { on: '2024-09-12' })).rows.map(pick)).toEqual([[D6, 'AM PM', 1, false]]);
		const own = await runList(w, 'daily', { home_visit_days: 2 });
		expect(own.rows.map((r) => [r.upn, r.home_visit])).toEqual([[D1, true], [D4, false], [D3, false], [D2, true]]);
	});
});
