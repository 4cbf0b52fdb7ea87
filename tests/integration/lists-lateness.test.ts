import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// Persistent lateness: 10+ late sessions (L before registers closed, U after) this academic year, with the
// minutes late where the export gives them. School 100001: every weekday Mon 2 – Fri 13 Sep 2024.
const L1 = upn('873400134001');
const L2 = upn('873400134002');
const L3 = upn('873400134003');
const L4 = upn('873400134004');
const DAYS = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13'].map((d) => `2024-09-${d}`);
const rows: string[] = [];
type Mark = [string, number?];
function attend(pupil: string, codes: Record<string, [Mark, Mark]> = {}) {
	for (const d of DAYS) {
		const [am, pm] = codes[d] ?? [['/'], ['\\']];
		rows.push(`${pupil},${d},AM,${am[0]},${am[1] ?? ''}`, `${pupil},${d},PM,${pm[0]},${pm[1] ?? ''}`);
	}
}
// L1: L (5 min) every morning Mon 2 – Fri 6 Sep (5), L (5 min) Mon 9 Sep PM (1), U (35 min) every morning Tue 10 –
//     Fri 13 Sep (4): 6 L + 4 U = 10, 6 × 5 + 4 × 35 = 170 minutes
attend(L1, {
	...Object.fromEntries(DAYS.slice(0, 5).map((d) => [d, [['L', 5], ['\\']] as [Mark, Mark]])),
	'2024-09-09': [['/'], ['L', 5]],
	...Object.fromEntries(DAYS.slice(6).map((d) => [d, [['U', 35], ['\\']] as [Mark, Mark]]))
});
// L2: L every afternoon Mon 2 – Thu 12 Sep, no minutes: 9, not listed by default
attend(L2, Object.fromEntries(DAYS.slice(0, 9).map((d) => [d, [['/'], ['L']] as [Mark, Mark]])));
// L3: L every morning (10), minutes only on Mon 2 – Wed 4 Sep (10 each): 30 minutes over 3 sessions
attend(L3, Object.fromEntries(DAYS.map((d, i) => [d, [['L', i < 3 ? 10 : undefined], ['\\']] as [Mark, Mark]])));
// L4: present throughout
attend(L4);

const REGISTER = `UPN,Date,Session,Mark,Minutes Late\n${rows.join('\n')}\n`;
const pick = (r: Record<string, unknown>) => [r.upn, r.late_total, r.late_sessions, r.late_after_close_sessions, r.minutes_late, r.sessions_with_minutes, r.latest_late_date];
const byUpn = <T extends unknown[]>(a: T, b: T) => ((a[0] as string) < (b[0] as string) ? -1 : 1);

describe('list lateness: persistent lateness', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
	});

	it('counts L and U apart with the minutes where given, most late first', async () => {
		const { rows } = await runList(w, 'lateness');
		expect(rows.map(pick)).toEqual(
			[
				[L1, 10, 6, 4, 170, 10, '2024-09-13'],
				[L3, 10, 10, 0, 30, 3, '2024-09-13']
			].sort(byUpn)
		);
		expect(Object.keys(rows[0])).toEqual(Object.keys(LISTS.lateness.columns));
	});

	it('counts from --since, with its own minimum', async () => {
		// from Mon 9 Sep: L1 L (9 Sep PM) + 4 U = 5; L3 5; L2 9, 10, 11, 12 Sep = 4 (no minutes: NULL)
		const { rows } = await runList(w, 'lateness', { since: '2024-09-09', min_late: 4 });
		expect(rows.map(pick)).toEqual([
			...[
				[L1, 5, 1, 4, 145, 5, '2024-09-13'],
				[L3, 5, 5, 0, null, 0, '2024-09-13']
			].sort(byUpn),
			[L2, 4, 4, 0, null, 0, '2024-09-12']
		]);
		// as of Fri 6 Sep: nobody has 10 yet
		expect((await runList(w, 'lateness', { on: '2024-09-06' })).rows).toEqual([]);
	});
});
