// @vitest-environment jsdom
// The Patterns page's charts (src/lib/charts/patterns) from rows shaped like sql/datasets/patterns/*.sql.
import { describe, it } from 'vitest';
import type { DataRow } from '$lib/arrow-client';
import { weekdayHeatmap } from '$lib/charts/patterns/heatmap';
import { latenessBars } from '$lib/charts/patterns/lateness';
import { monthLines } from '$lib/charts/patterns/month';
import { weekOfTermBars } from '$lib/charts/patterns/weekOfTerm';
import { expectSnapshot, pointAt } from './snapshot';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

/** A group's sessions missed of those possible, per weekday × session (AM, PM): [possible, absent]. */
const GROUPS: Record<string, [number, number, number, [number, number][]]> = {
	// split_group: split_sort, group_pupils, and the cells Mon AM, Mon PM, Tue AM … Fri PM
	'All pupils': [1, 418, 0, [[6_270, 426], [6_270, 471], [6_688, 341], [6_688, 368], [6_688, 334], [6_688, 361], [6_688, 348], [6_688, 375], [6_270, 489], [6_270, 558]]],
	'FSM eligible': [1, 97, 0, [[1_455, 163], [1_455, 180], [1_552, 129], [1_552, 140], [1_552, 127], [1_552, 138], [1_552, 132], [1_552, 144], [1_455, 188], [1_455, 214]]],
	'Not FSM eligible': [2, 321, 0, [[4_815, 263], [4_815, 291], [5_136, 212], [5_136, 228], [5_136, 207], [5_136, 223], [5_136, 216], [5_136, 231], [4_815, 301], [4_815, 344]]]
};
function weekday(groups: string[]): DataRow[] {
	return groups.flatMap((split_group) => {
		const [split_sort, group_pupils, , cells] = GROUPS[split_group];
		return cells.map(([possible, absent], i) => ({
			split_group, split_sort, group_pupils, weekday_number: Math.floor(i / 2) + 1, weekday: WEEKDAYS[Math.floor(i / 2)], session: i % 2 ? 'PM' : 'AM',
			possible_sessions: possible, absent_sessions: absent, absence_rate: absent / possible
		}));
	});
}

/** Sessions missed of those possible by calendar month, September to February: [school days, possible, absent] per group. */
const MONTHS = [['2024-09-01', 'Sep 2024', 19], ['2024-10-01', 'Oct 2024', 18], ['2024-11-01', 'Nov 2024', 20], ['2024-12-01', 'Dec 2024', 15], ['2025-01-01', 'Jan 2025', 19], ['2025-02-01', 'Feb 2025', 15]] as const;
const MONTH_ABSENT: Record<string, number[]> = {
	'All pupils': [724, 872, 1_067, 951, 1_118, 842],
	'FSM eligible': [271, 318, 372, 330, 388, 297],
	'Not FSM eligible': [453, 554, 695, 621, 730, 545]
};
function month(groups: string[]): DataRow[] {
	return groups.flatMap((split_group) => {
		const [split_sort, group_pupils] = GROUPS[split_group];
		return MONTHS.map(([m, month_label, school_days], i) => {
			const possible = group_pupils * school_days * 2;
			const absent = MONTH_ABSENT[split_group][i];
			return { split_group, split_sort, group_pupils, month: m, month_label, school_days, possible_sessions: possible, absent_sessions: absent, absence_rate: absent / possible };
		});
	});
}

// patterns/week_of_term: week_of_term, half_terms, school_days, possible_sessions, absent_sessions, absence_rate
const weeks = ([[1, 6, 27, 22_572, 1_089], [2, 6, 30, 25_080, 1_282], [3, 6, 30, 25_080, 1_371], [4, 6, 30, 25_080, 1_456], [5, 6, 29, 24_244, 1_509], [6, 5, 25, 20_900, 1_398], [7, 3, 14, 11_704, 842]] as const)
	.map(([week_of_term, half_terms, school_days, possible, absent]) => ({ week_of_term, half_terms, school_days, possible_sessions: possible, absent_sessions: absent, absence_rate: absent / possible }));

// patterns/lateness_weekday and lateness_year_group: L (late before registers closed) and U (after), per 100 possible sessions
function lateness(key: string, label: string, possible: number, late: number, after: number, minutesLate: number | null, minutesAfter: number | null, extra: DataRow = {}): DataRow {
	return {
		[key]: label, ...extra, possible_sessions: possible, late_sessions: late, late_after_close_sessions: after,
		late_per_100: (late * 100) / possible, late_after_close_per_100: (after * 100) / possible,
		avg_minutes_late: minutesLate, avg_minutes_after_close: minutesAfter,
		minutes_recorded: minutesLate === null ? 0 : late + after, late_minutes_recorded: minutesLate === null ? 0 : late
	};
}
const latenessWeekday = [
	lateness('weekday', 'Mon', 12_540, 141, 22, 9.4, 38.2, { weekday_number: 1 }),
	lateness('weekday', 'Tue', 13_376, 118, 15, 8.1, 41.5, { weekday_number: 2 }),
	lateness('weekday', 'Wed', 13_376, 109, 14, 7.7, 35.0, { weekday_number: 3 }),
	lateness('weekday', 'Thu', 13_376, 117, 19, 8.6, 44.1, { weekday_number: 4 }),
	lateness('weekday', 'Fri', 12_540, 119, 27, 10.2, 47.9, { weekday_number: 5 })
];
// a school whose register records no minutes late: the averages are NULL
const latenessYearGroup = [
	lateness('year_group', 'Reception', 9_030, 96, 4, null, null, { year_group_sort: 0, pupils: 30, late_pupils: 19 }),
	lateness('year_group', 'Year 1', 8_729, 71, 2, null, null, { year_group_sort: 1, pupils: 29, late_pupils: 15 }),
	lateness('year_group', 'Year 6', 9_331, 58, 9, null, null, { year_group_sort: 6, pupils: 31, late_pupils: 14 }),
	lateness('year_group', 'Not recorded', 602, 3, 0, null, null, { year_group_sort: 99, pupils: 2, late_pupils: 1 })
];

describe('patterns/heatmap: weekdayHeatmap', () => {
	it('all pupils: weekday × session, pointing at Friday PM', async () => {
		const chart = weekdayHeatmap(weekday(['All pupils']), 900);
		await pointAt(chart, 'g[aria-label="cell"] > rect:nth-child(10)');
		expectSnapshot('patterns-weekday', chart);
	});
	it('split by FSM: one heat map per group, one colour scale', () => expectSnapshot('patterns-weekday-split', weekdayHeatmap(weekday(['FSM eligible', 'Not FSM eligible']), 900)));
	it('one cell (a range of a single Monday morning)', () => expectSnapshot('patterns-weekday-single', weekdayHeatmap(weekday(['All pupils']).slice(0, 1), 900)));
});

describe('patterns/month: monthLines', () => {
	it('all pupils: one line, each month written on it, pointing at November', async () => {
		const chart = monthLines(month(['All pupils']), 900);
		await pointAt(chart, 'g[aria-label="dot"] > circle:nth-child(3)');
		expectSnapshot('patterns-month', chart);
	});
	it('split by FSM: a line per group with a legend', () => expectSnapshot('patterns-month-split', monthLines(month(['FSM eligible', 'Not FSM eligible']), 900)));
	it('a single month', () => expectSnapshot('patterns-month-single', monthLines(month(['All pupils']).slice(0, 1), 900)));
	it('no rows', () => expectSnapshot('patterns-month-empty', monthLines([], 900)));
});

describe('patterns/weekOfTerm: weekOfTermBars', () => {
	it('weeks 1 to 7 with the overall rate dashed, pointing at week 5', async () => {
		const chart = weekOfTermBars(weeks, 900);
		await pointAt(chart, 'g[aria-label="bar"] > rect:nth-child(5)', { edge: 'top' });
		expectSnapshot('patterns-week-of-term', chart);
	});
	it('a single week', () => expectSnapshot('patterns-week-of-term-single', weekOfTermBars(weeks.slice(0, 1), 900)));
	it('no rows: the overall rate is 0', () => expectSnapshot('patterns-week-of-term-empty', weekOfTermBars([], 900)));
});

describe('patterns/lateness: latenessBars', () => {
	it('by weekday, L and U side by side, pointing at Friday U', async () => {
		const chart = latenessBars('weekday')(latenessWeekday, 900);
		await pointAt(chart, 'g[aria-label="bar"] > g:nth-child(5) > rect:nth-child(2)', { edge: 'top' });
		expectSnapshot('patterns-lateness-weekday', chart);
	});
	it('by year group, no minutes recorded, pointing at Reception L', async () => {
		const chart = latenessBars('year_group')(latenessYearGroup, 900);
		await pointAt(chart, 'g[aria-label="bar"] > g:nth-child(1) > rect:nth-child(1)', { edge: 'top' });
		expectSnapshot('patterns-lateness-year-group', chart);
	});
});
