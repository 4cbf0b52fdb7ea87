import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { LISTS, runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// The penalty-notice threshold: 10+ unauthorised sessions (G N O U) in the 10 most recent school weeks.
// School 100001's school weeks, from its register (a week with one possible session is a school week):
//   W1..W7  Mon 3 Jun – Fri 19 Jul 2024 (every weekday)
//   W8      Mon 22 Jul 2024, AM only (PM is # for everyone): a school week with one session
//   W9      Fri 16 Aug 2024 only (old code set: H, J valid)
//   W10     Mon 19 Aug 2024 only (new code set: J1 valid)
//   —       summer holiday, no marks: not a school week
//   W11..W17 Mon 2 Sep – Fri 18 Oct 2024 (every weekday)
// Term dates: Autumn 1 2 Sep – 25 Oct 2024, Autumn 2 4 Nov – 20 Dec 2024 (half-term 28 Oct – 1 Nov).
const A = upn('873400126001');
const B = upn('873400126002');
const C = upn('873400126003');
const D = upn('873400126004'); // joins on Mon 9 Sep 2024 (W12), mid-window
const E = upn('873400126005');
const F = upn('873400126006');

function weekdays(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
		if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(d.toISOString().slice(0, 10));
	return out;
}
const CALENDAR = [...weekdays('2024-06-03', '2024-07-19'), '2024-07-22', '2024-08-16', '2024-08-19', ...weekdays('2024-09-02', '2024-10-18')];
const rows: string[] = [];
/** The pupil present at every session of `dates` but for the days in `codes` (AM, PM). */
function attend(pupil: string, dates: string[], codes: Record<string, [string, string]> = {}) {
	for (const d of dates) {
		const [am, pm] = codes[d] ?? ['/', d === '2024-07-22' ? '#' : '\\'];
		rows.push(`${pupil},${d},AM,${am}`, `${pupil},${d},PM,${pm}`);
	}
}

// A: W2 Tue 11 Jun O O (2) · W6 Tue 9 Jul O O (2) · W7 Wed 17 Jul N N (2) · W8 Mon 22 Jul U (1, the week's
//    only session) · W9 Fri 16 Aug H H (authorised: not counted) · W10 Mon 19 Aug G G (2) · W11 Mon 2 Sep G G (2)
//    · W12 Tue 10 Sep O / (1). Running count, day by day (a session counts until its week + 10 begins):
//    11 Jun 2, 9 Jul 4, 17 Jul 6, 22 Jul 7, 19 Aug 9, Mon 2 Sep 11 (met), Mon 9 Sep 9 (W2's 2 leave: W12 = W2 + 10),
//    Tue 10 Sep 10 (met again): the current run of breaches began on 10 Sep.
attend(A, CALENDAR, {
	'2024-06-11': ['O', 'O'],
	'2024-07-09': ['O', 'O'],
	'2024-07-17': ['N', 'N'],
	'2024-07-22': ['U', '#'],
	'2024-08-16': ['H', 'H'],
	'2024-08-19': ['G', 'G'],
	'2024-09-02': ['G', 'G'],
	'2024-09-10': ['O', '\\']
});
// B: W4 Mon 24 Jun G G (2) · W6 Wed 10 Jul N / (1) · W11 Tue 3 Sep O O (2)
attend(B, CALENDAR, { '2024-06-24': ['G', 'G'], '2024-07-10': ['N', '\\'], '2024-09-03': ['O', 'O'] });
// C: the code change: W9 Fri 16 Aug G (unauthorised before and after) + J (approved activity before 19 Aug)
//    · W10 Mon 19 Aug J1 (authorised after) + G · W15 Tue 1 Oct O O
attend(C, CALENDAR, { '2024-08-16': ['G', 'J'], '2024-08-19': ['J1', 'G'], '2024-10-01': ['O', 'O'] });
// D joins on Mon 9 Sep: O every session that week (2 a day: 10 by Fri 13 Sep), present after
attend(D, CALENDAR.filter((d) => d >= '2024-09-09'), Object.fromEntries(weekdays('2024-09-09', '2024-09-13').map((d) => [d, ['O', 'O']])));
// E: W1 Mon 3 Jun O O only (out of every window below); F: only authorised absence (I, M)
attend(E, CALENDAR, { '2024-06-03': ['O', 'O'] });
attend(F, CALENDAR, { '2024-09-03': ['I', 'I'], '2024-09-04': ['M', '\\'] });

const REGISTER = `UPN,Date,Session,Mark\n${rows.join('\n')}\n`;
const TERMS = `academic_year,term,half_term,start_date,end_date
2023/24,Summer,Summer 2,2024-06-03,2024-07-22
2024/25,Autumn,Autumn 1,2024-09-02,2024-10-25
2024/25,Autumn,Autumn 2,2024-11-04,2024-12-20
`;

describe('list penalty: 10 unauthorised sessions in 10 school weeks', () => {
	let w: Warehouse;
	beforeAll(async () => {
		w = await freshWarehouse();
		await importFile(w, tempFile('register.csv', REGISTER), { school: 100001 });
		await importFile(w, tempFile('terms.csv', TERMS), { school: 100001 });
	});

	it('as of Fri 13 Sep 2024: a window across the summer holiday and two academic years', async () => {
		const { rows, on } = await runList(w, 'penalty', { on: '2024-09-13' });
		expect(on).toBe('2024-09-13');
		// W12 is the week of 13 Sep: the window is W3..W12, from Mon 17 Jun (the one-session week W8 counts,
		// the holiday weeks do not). A: W6 2 + W7 2 + W8 1 + W10 2 + W11 2 + W12 1 = 10 (W2's 2 have left).
		// D: 10 O sessions Mon 9 – Fri 13 Sep, the 10th on Fri 13 Sep. B: W4 2 + W6 1 + W11 2 = 5; its oldest
		// counted sessions (W4, 2) leave when W14 (= W4 + 10) begins: the 2nd school week after W12, Mon 23 Sep.
		// C: 1 (G 16 Aug) + 1 (G 19 Aug); J and J1 are not unauthorised; oldest week W9 (1 session) leaves at W19,
		// the 7th school week after W12: 16, 23, 30 Sep, 7, 14, 21 Oct, then 4 Nov (28 Oct is half-term).
		// E (W1 only) and F (authorised only) are not listed.
		const base = { window_start: '2024-06-17', window_end: '2024-09-13', school_urn: 100001 };
		expect(rows).toEqual([
			...[
				{ upn: A, unauthorised_sessions_in_window: 10, ...base, threshold_met_on: '2024-09-10' },
				{ upn: D, unauthorised_sessions_in_window: 10, ...base, threshold_met_on: '2024-09-13' }
			]
				.sort((x, y) => x.upn.localeCompare(y.upn))
				.map((r) => ({ ...r, sessions_before_threshold: null, next_drop_date: null, next_drop_sessions: null })),
			{ upn: B, unauthorised_sessions_in_window: 5, ...base, threshold_met_on: null, sessions_before_threshold: 5, next_drop_date: '2024-09-23', next_drop_sessions: 2 },
			{ upn: C, unauthorised_sessions_in_window: 2, ...base, threshold_met_on: null, sessions_before_threshold: 8, next_drop_date: '2024-11-04', next_drop_sessions: 1 }
		].map((r) => ({
			upn: r.upn,
			unauthorised_sessions_in_window: r.unauthorised_sessions_in_window,
			window_start: r.window_start,
			window_end: r.window_end,
			threshold_met_on: r.threshold_met_on,
			sessions_before_threshold: r.sessions_before_threshold,
			next_drop_date: r.next_drop_date,
			next_drop_sessions: r.next_drop_sessions,
			school_urn: r.school_urn
		})));
		expect(Object.keys(rows[0])).toEqual(Object.keys(LISTS['penalty'].columns));
	});

	it('as of Fri 6 Sep 2024 reproduces last week’s list from the marks dated up to then', async () => {
		const { rows } = await runList(w, 'penalty', { on: '2024-09-06', school: 100001 });
		// window W2..W11 from Mon 10 Jun. A: 2 + 2 + 2 + 1 + 2 + 2 = 11, met on Mon 2 Sep (9 → 11); 10 Sep not yet.
		// B: 5, W4 leaves at W14, the 3rd school week after W11: 9, 16, 23 Sep. C: 2 (W9, W10), drop at W19:
		// the 8th week after W11. D has not joined.
		const byUpn = Object.fromEntries(rows.map((r) => [r.upn, r]));
		expect(rows.map((r) => r.upn)).toEqual([A, B, C]);
		expect(byUpn[A]).toMatchObject({ unauthorised_sessions_in_window: 11, window_start: '2024-06-10', threshold_met_on: '2024-09-02' });
		expect(byUpn[B]).toMatchObject({ unauthorised_sessions_in_window: 5, sessions_before_threshold: 5, next_drop_date: '2024-09-23' });
		expect(byUpn[C]).toMatchObject({ unauthorised_sessions_in_window: 2, next_drop_date: '2024-11-04' });
	});

	it('as of the latest marked day by default (Fri 18 Oct 2024), with a later window', async () => {
		const { rows, on } = await runList(w, 'penalty');
		expect(on).toBe('2024-10-18');
		// W17 is the week of 18 Oct: the window is W8..W17, from Mon 22 Jul. A: W8 1 + W10 2 + W11 2 + W12 1 = 6;
		// oldest W8 (1) leaves at W18 = Mon 21 Oct, the next school week. D: 10 (W12), met on 13 Sep still.
		// B: W11 2 (W4, W6 have left); oldest W11 leaves at W21: 21 Oct, 4, 11, 18 Nov.
		// C: W9 1 + W10 1 + W15 2 = 4; oldest W9 (1) leaves at W19: 21 Oct, then 4 Nov after half-term.
		expect(rows.map((r) => [r.upn, r.unauthorised_sessions_in_window, r.threshold_met_on, r.sessions_before_threshold, r.next_drop_date, r.next_drop_sessions])).toEqual([
			[D, 10, '2024-09-13', null, null, null],
			[A, 6, null, 4, '2024-10-21', 1],
			[C, 4, null, 6, '2024-11-04', 1],
			[B, 2, null, 8, '2024-11-18', 2]
		]);
		expect(rows[0].window_start).toBe('2024-07-22');
	});

	it('takes its own threshold and window length', async () => {
		const { rows } = await runList(w, 'penalty', { on: '2024-09-13', threshold_sessions: 5, window_weeks: 2 });
		// window W11..W12 (from Mon 2 Sep). A: W11 2 + W12 1 = 3; B: 2; D: 10, met on Wed 11 Sep (6 ≥ 5).
		expect(rows.map((r) => [r.upn, r.unauthorised_sessions_in_window, r.window_start, r.threshold_met_on])).toEqual([
			[D, 10, '2024-09-02', '2024-09-11'],
			[A, 3, '2024-09-02', null],
			[B, 2, '2024-09-02', null]
		]);
		await expect(runList(w, 'penalty', { window_weeks: 0 })).rejects.toThrow(/window_weeks must be between 1 and 60/);
		await expect(runList(w, 'penalty', { since: '2024-09-01' })).rejects.toThrow(/no parameter 'since'/);
	});
});
