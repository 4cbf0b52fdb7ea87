import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// Recognition: attendance this year at or above 95%, and the 10 most improved (this half-term so far against
// the last half-term). Term dates: Autumn 1 2 Sep – 25 Oct, Autumn 2 4 Nov – 20 Dec 2024. School 100001's
// register: every weekday Mon 2 – Fri 27 Sep (Autumn 1: 40 sessions), Mon 4 – Fri 8 Nov (Autumn 2: 10 sessions).
const R1 = upn('873400136001');
const R2 = upn('873400136002');
const R3 = upn('873400136003');
const R4 = upn('873400136004');
const R5 = upn('873400136005');
const R6 = upn('873400136006');
const R7 = upn('873400136007');

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const CALENDAR = [...weekdays('2024-09-02', '2024-09-27'), ...weekdays('2024-11-04', '2024-11-08')];
const rows: string[] = [];
function attend(pupil: string, codes: Record<string, [string, string]> = {}) {
	for (const d of CALENDAR) {
		const [am, pm] = codes[d] ?? ['/', '\\'];
		rows.push(`${pupil},${d},AM,${am}`, `${pupil},${d},PM,${pm}`);
	}
}
const each = (dates: string[], am: string, pm: string) => Object.fromEntries(dates.map((d) => [d, [am, pm] as [string, string]]));
const sep = (n: number) => weekdays('2024-09-02', '2024-09-27').slice(0, n);

// Autumn 1 → Autumn 2, improvement, year (of 50) as of 8 Nov:
attend(R1); //                                   40/40 → 10/10: 0,     50/50 100%: attendance
attend(R2, each(sep(4), 'I', 'I')); //           32/40 → 10/10: +0.2,  42/50  84%: most improved 1
attend(R3, each(sep(2), 'O', 'O')); //           36/40 → 10/10: +0.1,  46/50  92%: most improved 2
attend(R4, each(sep(1), 'M', 'M')); //           38/40 → 10/10: +0.05, 48/50  96%: both, rank 4 (tied with R7)
attend(R5, { '2024-11-04': ['I', '\\'] }); //    40/40 →  9/10: −0.1,  49/50  98%: attendance
attend(R6, { ...each(sep(1), 'I', 'I'), [sep(2)[1]]: ['I', '\\'] }); // 37/40 → 10/10: +0.075, 47/50 94%: most improved 3
attend(R7, each([sep(3)[2]], 'G', 'G')); //      38/40 → 10/10: +0.05, 48/50  96%: both, rank 4 (tied with R4)

const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;
const TERMS = `academic_year,term,half_term,start_date,end_date
2024/25,Autumn,Autumn 1,2024-09-02,2024-10-25
2024/25,Autumn,Autumn 2,2024-11-04,2024-12-20
`;
const byUpn = <T extends unknown[]>(a: T, b: T) => ((a[0] as string) < (b[0] as string) ? -1 : 1);

describe('list recognition: 95%+ and most improved', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
		await importFile(w, tempFile('terms.csv', TERMS));
	});

	it('lists the most improved first, ties sharing a rank, then 95%+ by attendance', async () => {
		const { rows } = await runList(w, 'recognition');
		expect(rows.map((r) => [r.upn, r.attendance_rate, r.improved_rank, r.recognition])).toEqual([
			[R2, 0.84, 1, 'most improved'],
			[R3, 0.92, 2, 'most improved'],
			[R6, 0.94, 3, 'most improved'],
			...[
				[R4, 0.96, 4, 'attendance, most improved'],
				[R7, 0.96, 4, 'attendance, most improved']
			].sort(byUpn),
			[R1, 1, null, 'attendance'],
			[R5, 0.98, null, 'attendance']
		]);
		expect(rows[0]).toMatchObject({ half_term_rate: 1, previous_half_term_rate: 0.8 });
		expect(rows[0].improvement).toBeCloseTo(0.2, 12);
		expect(Object.keys(rows[0])).toEqual(Object.keys(LISTS.recognition.columns));
	});

	it('takes its own number of most improved and rate; no comparison in the first half-term', async () => {
		const top3 = await runList(w, 'recognition', { top: 3 });
		expect(top3.rows.map((r) => [r.upn, r.recognition])).toEqual([
			[R2, 'most improved'],
			[R3, 'most improved'],
			[R6, 'most improved'],
			[R1, 'attendance'],
			[R5, 'attendance'],
			...[[R4, 'attendance'], [R7, 'attendance']].sort(byUpn)
		]);
		// as of Fri 27 Sep (Autumn 1, nothing before it): 95% exactly is enough (R4, R7 38/40)
		const first = await runList(w, 'recognition', { on: '2024-09-27' });
		expect(first.rows.map((r) => [r.upn, r.attendance_rate, r.improved_rank])).toEqual([
			...[[R1, 1, null], [R5, 1, null]].sort(byUpn),
			...[[R4, 0.95, null], [R7, 0.95, null]].sort(byUpn)
		]);
		const high = await runList(w, 'recognition', { rate: 0.99, top: 0 });
		expect(high.rows.map((r) => r.upn)).toEqual([R1]);
	});
});
