import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// Attendance bands this academic year: >= 97%, 95–97%, 90–95% at risk, persistent (90% or below), severe
// (50%+ absence), with the band at the end of the last half-term. School 100001's register:
//   2023/24: Mon 15 – Fri 19 Jul 2024, Fri 16 Aug 2024 (old code set), Mon 19 Aug 2024 (new): 14 sessions
//   2024/25 Autumn 1: Mon 2 – Fri 27 Sep 2024 (40 sessions; 2.5% each); Autumn 2: Mon 4 – Fri 8 Nov 2024 (10 more:
//   50 sessions as of 8 Nov, 2% each). Term dates: Autumn 1 2 Sep – 25 Oct, Autumn 2 4 Nov – 20 Dec 2024, so as of
//   8 Nov the comparison is with Sun 3 Nov, the end of Autumn 1.
const B1 = upn('873400130001');
const B2 = upn('873400130002');
const B3 = upn('873400130003');
const B4 = upn('873400130004');
const B5 = upn('873400130005');
const B6 = upn('873400130006');
const B7 = upn('873400130007'); // joins Mon 4 Nov 2024
const B8 = upn('873400130008');

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const LAST_YEAR = [...weekdays('2024-07-15', '2024-07-19'), '2024-08-16', '2024-08-19'];
const CALENDAR = [...LAST_YEAR, ...weekdays('2024-09-02', '2024-09-27'), ...weekdays('2024-11-04', '2024-11-08')];
const rows: string[] = [];
function attend(pupil: string, codes: Record<string, [string, string]> = {}, dates = CALENDAR) {
	for (const d of dates) {
		const [am, pm] = codes[d] ?? ['/', '\\'];
		rows.push(`${pupil},${d},AM,${am}`, `${pupil},${d},PM,${pm}`);
	}
}
const each = (dates: string[], am: string, pm: string) => Object.fromEntries(dates.map((d) => [d, [am, pm] as [string, string]]));

// Absent sessions (Autumn 1 of 40 / as of 8 Nov of 50), attendance then / now:
// B1: O Mon 2 Sep AM (1 / 1): 97.5% / 98%; 2023/24: J J Fri 16 Aug (an approved activity then): 14/14 = 100%
attend(B1, { '2024-09-02': ['O', '\\'], '2024-08-16': ['J', 'J'] });
// B2: I I Tue 10 Sep, I Mon 4 Nov AM (2 / 3): exactly 95% / 94%; 2023/24: J1 J1 Mon 19 Aug (authorised): 12/14
attend(B2, { '2024-09-10': ['I', 'I'], '2024-11-04': ['I', '\\'], '2024-08-19': ['J1', 'J1'] });
// B3: O O Mon 16, Tue 17 Sep, O Wed 6 Nov AM (4 / 5): exactly 90% / exactly 90%; 2023/24: H Fri 16 Aug AM: 13/14
attend(B3, { ...each(['2024-09-16', '2024-09-17'], 'O', 'O'), '2024-11-06': ['O', '\\'], '2024-08-16': ['H', '\\'] });
// B4: N N Mon 23, Tue 24 Sep (4 / 4): exactly 90% / 92%
attend(B4, each(['2024-09-23', '2024-09-24'], 'N', 'N'));
// B5: M M Thu 7 Nov (0 / 2): 100% / exactly 96%
attend(B5, { '2024-11-07': ['M', 'M'] });
// B6: G G Mon 2 – Fri 13 Sep (20), G G Mon 4, Tue 5 Nov, G Wed 6 Nov AM (20 / 25): exactly 50% / exactly 50%
attend(B6, { ...each(weekdays('2024-09-02', '2024-09-13'), 'G', 'G'), ...each(['2024-11-04', '2024-11-05'], 'G', 'G'), '2024-11-06': ['G', '\\'] });
// B7: joins Mon 4 Nov, present: 10/10, nothing to compare with
attend(B7, {}, weekdays('2024-11-04', '2024-11-08'));
// B8: V B (educational visit, approved activity) all of Autumn 2: attending, 50/50
attend(B8, each(weekdays('2024-11-04', '2024-11-08'), 'V', 'B'));

const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;
const TERMS = `academic_year,term,half_term,start_date,end_date
2024/25,Autumn,Autumn 1,2024-09-02,2024-10-25
2024/25,Autumn,Autumn 2,2024-11-04,2024-12-20
`;
const pick = (r: Record<string, unknown>) => [r.upn, r.attendance_rate, r.band, r.previous_attendance_rate, r.previous_band, r.movement];
const byUpn = <T extends unknown[]>(a: T, b: T) => ((a[0] as string) < (b[0] as string) ? -1 : 1);

describe('list bands: attendance bands with movement since last half-term', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
		await importFile(w, tempFile('terms.csv', TERMS));
	});

	it('bands every pupil as of the latest marked day against the end of the last half-term', async () => {
		const { rows, on } = await runList(w, 'bands');
		expect(on).toBe('2024-11-08');
		// exact cut-offs: 95% is 95–97%, 90% is persistent, 50% absence is severe
		expect(rows.map(pick)).toEqual([
			[B6, 0.5, 'severe', 0.5, 'severe', 'same'],
			[B3, 0.9, 'persistent', 0.9, 'persistent', 'same'],
			[B4, 0.92, '90-95% at risk', 0.9, 'persistent', 'up'],
			[B2, 0.94, '90-95% at risk', 0.95, '95-97%', 'down'],
			[B5, 0.96, '95-97%', 1, '>= 97%', 'down'],
			[B1, 0.98, '>= 97%', 0.975, '>= 97%', 'same'],
			...[
				[B7, 1, '>= 97%', null, null, 'new'],
				[B8, 1, '>= 97%', 1, '>= 97%', 'same']
			].sort(byUpn)
		]);
		expect(rows[0]).toEqual({
			upn: B6,
			attendance_rate: 0.5,
			band: 'severe',
			possible_sessions: 50,
			attended_sessions: 25,
			absent_sessions: 25,
			previous_attendance_rate: 0.5,
			previous_band: 'severe',
			movement: 'same',
			compared_to: '2024-11-03',
			school_urn: 100001
		});
		expect(Object.keys(rows[0])).toEqual(Object.keys(LISTS.bands.columns));
	});

	it('compares with --since when given', async () => {
		const { rows } = await runList(w, 'bands', { since: '2024-09-13' });
		// up to Fri 13 Sep: 20 sessions (5% each). B1 19/20 95%; B2 18/20 90%; B3, B4, B5, B8 20/20; B6 0/20.
		expect(rows.map((r) => [r.upn, r.previous_band, r.movement, r.compared_to])).toEqual([
			[B6, 'severe', 'same', '2024-09-13'],
			[B3, '>= 97%', 'down', '2024-09-13'],
			[B4, '>= 97%', 'down', '2024-09-13'],
			[B2, 'persistent', 'up', '2024-09-13'],
			[B5, '>= 97%', 'down', '2024-09-13'],
			[B1, '95-97%', 'up', '2024-09-13'],
			...[
				[B7, null, 'new', '2024-09-13'],
				[B8, '>= 97%', 'same', '2024-09-13']
			].sort(byUpn)
		]);
	});

	it('has nothing to compare with in the first half-term, and takes the school’s own cut-offs', async () => {
		const first = await runList(w, 'bands', { on: '2024-09-27' });
		expect(first.rows.every((r) => r.movement === null && r.compared_to === null)).toBe(true);
		// a 96% / 92% policy as of 8 Nov: B5 (96%) is in the top band; B4 (92%) is persistent
		const own = await runList(w, 'bands', { band_high: 0.96, band_low: 0.92 });
		const band = Object.fromEntries(own.rows.map((r) => [r.upn, r.band]));
		expect([band[B5], band[B4], band[B2], band[B1]]).toEqual(['>= 96%', 'persistent', '92-95% at risk', '>= 96%']);
		await expect(runList(w, 'bands', { band_mid: 0.98 })).rejects.toThrow(/band cut-offs must be in order/);
		await expect(runList(w, 'bands', { band_low: 1.5 })).rejects.toThrow(/band_low must be between 0 and 1/);
	});

	it('counts J before 19 Aug 2024 as attending and J1 and H as absence (2023/24)', async () => {
		const { rows } = await runList(w, 'bands', { on: '2024-08-19' });
		// 14 sessions; B7 was not on roll. No term dates for 2023/24: no comparison.
		expect(rows.map((r) => [r.upn, r.attended_sessions, r.possible_sessions, r.band, r.movement])).toEqual([
			[B2, 12, 14, 'persistent', null], // 85.7%
			[B3, 13, 14, '90-95% at risk', null], // 92.9%
			...[B1, B4, B5, B6, B8].map((p) => [p, 14, 14, '>= 97%', null]).sort(byUpn)
		]);
	});
});
