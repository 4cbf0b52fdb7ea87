// @vitest-environment jsdom
// The Codes page's charts (src/lib/charts/codes) from rows shaped like sql/datasets/codes/*.sql.
import { describe, it } from 'vitest';
import type { DataRow } from '$lib/arrow-client';
import { codeHeatTable } from '$lib/charts/codes/byGroup';
import { holidaysWeekly, holidaysYearGroup } from '$lib/charts/codes/holidays';
import { codeTotals } from '$lib/charts/codes/totals';
import { UNUSUAL_SHOWN, unusualBars } from '$lib/charts/codes/unusual';
import { codeWeekly } from '$lib/charts/codes/weekly';
import { code } from './codes-table';
import { expectSnapshot, pointAt } from './snapshot';

// codes/totals: code, meaning, category, sessions, pupils, share_of_possible (NULL for not-possible codes)
const POSSIBLE = 61_840;
const totals = ([['/', 28_902, 418], ['\\', 28_511, 418], ['L', 604, 171], ['P', 96, 31], ['M', 388, 152], ['I', 2_415, 337], ['G', 236, 19], ['N', 41, 28], ['O', 647, 88], ['X', 120, 6], ['#', 836, 418]] as const)
	.map(([c, sessions, pupils]) => {
		const row = code(c);
		return { ...row, sessions, pupils, share_of_possible: row.category === 'not_possible' ? null : sessions / POSSIBLE };
	});

// codes/weekly: week (Monday), code, meaning, category, sessions (0 where unused that week), school_days;
// the October half-term week has no marks, so no row
const WEEKS = [['2024-09-02', 4], ['2024-09-09', 5], ['2024-09-16', 5], ['2024-09-23', 5], ['2024-09-30', 5], ['2024-10-07', 5], ['2024-10-14', 5], ['2024-10-21', 5], ['2024-11-04', 5], ['2024-11-11', 4]] as const;
const PER_WEEK: Record<string, number[]> = {
	'/': [1612, 2081, 2074, 2069, 2060, 2051, 2049, 2040, 2062, 1650],
	I: [41, 66, 72, 95, 118, 131, 102, 88, 124, 97],
	M: [9, 14, 12, 16, 11, 13, 15, 10, 17, 12],
	G: [22, 0, 0, 0, 0, 0, 4, 30, 26, 0],
	N: [0, 3, 0, 5, 2, 0, 0, 7, 1, 4],
	O: [12, 18, 21, 17, 25, 22, 26, 31, 19, 23]
};
const weekly = Object.entries(PER_WEEK).flatMap(([c, sessions]) =>
	WEEKS.map(([week, school_days], i) => ({ week, ...code(c), sessions: sessions[i], school_days }))
);

// codes/by_group: row_label, row_sort, pupils, code, meaning, category, sessions, row_sessions, share
// (codes a row never used have no row: Year 9 has no G, Year 11 no L)
function byGroup(rows: [string, number, number, Record<string, number>][]): DataRow[] {
	return rows.flatMap(([row_label, row_sort, pupils, counts]) => {
		const row_sessions = Object.values(counts).reduce((a, b) => a + b, 0);
		return Object.entries(counts).map(([c, sessions]) => ({ row_label, row_sort, pupils, ...code(c), sessions, row_sessions, share: sessions / row_sessions }));
	});
}
const yearGroups = byGroup([
	['Year 7', 7, 86, { '/': 6_305, '\\': 6_287, L: 140, I: 488, M: 70, G: 12, O: 66 }],
	['Year 8', 8, 84, { '/': 6_102, '\\': 6_077, L: 151, I: 512, M: 81, G: 40, O: 131 }],
	['Year 9', 9, 83, { '/': 5_966, '\\': 5_949, L: 166, I: 530, M: 77, O: 198 }],
	['Year 10', 10, 85, { '/': 6_020, '\\': 5_993, L: 102, I: 471, M: 96, G: 28, O: 142 }],
	['Year 11', 11, 80, { '/': 5_509, '\\': 5_401, I: 414, M: 64, G: 6, O: 110 }]
]);
const forms = byGroup([
	['7H · Northfield Academy', 7, 28, { '/': 2_101, '\\': 2_096, I: 160, O: 18 }],
	['7W · Northfield Academy', 7, 29, { '/': 2_118, '\\': 2_110, I: 171, N: 3, O: 25 }],
	['10H · Northfield Academy', 10, 27, { '/': 1_980, '\\': 1_971, I: 150, O: 44 }],
	['No form · Riverside Primary', 99, 2, { '/': 140, '\\': 139, I: 9 }]
]);

// codes/holidays_weekly: week, code, meaning, category, pupils, sessions (weeks with a G or H only)
const holidaysByWeek = ([['2024-05-20', 'G', 3, 18], ['2024-05-20', 'H', 1, 6], ['2024-06-10', 'G', 1, 10], ['2024-07-01', 'G', 4, 28], ['2024-07-01', 'H', 2, 20], ['2024-07-15', 'G', 6, 46]] as const)
	.map(([week, c, pupils, sessions]) => ({ week, ...code(c), pupils, sessions }));

// codes/holidays_year_group: year_group, year_group_sort, code, meaning, category, pupils_on_roll,
// possible_sessions, pupils, sessions, per_100 (a row for G, and for H when the range holds any)
function holidayYearGroups(withH: boolean): DataRow[] {
	const groups = [['Reception', 0, 30, 10_380, [4, 36], [1, 8]], ['Year 1', 1, 29, 10_034, [2, 14], [0, 0]], ['Year 6', 6, 31, 10_726, [5, 52], [2, 16]], ['Not recorded', 99, 2, 690, [0, 0], [0, 0]]] as const;
	return groups.flatMap(([year_group, year_group_sort, pupils_on_roll, possible_sessions, g, h]) =>
		(withH ? (['G', 'H'] as const) : (['G'] as const)).map((c) => {
			const [pupils, sessions] = c === 'G' ? g : h;
			return { year_group, year_group_sort, ...code(c), pupils_on_roll, possible_sessions, pupils, sessions, per_100: (sessions * 100) / possible_sessions };
		})
	);
}

// codes/unusual: highest ratio first; a code no one else has (ratio NULL) comes first
function unusual(dimension: string, group_value: string, pupils: number, c: string, code_pupils: number, sessions: number, possible: number, rest_pupils: number, rest_sessions: number, rest_possible: number): DataRow {
	const rest_share = rest_sessions / rest_possible;
	return {
		dimension, group_value, pupils, ...code(c), code_pupils, sessions, possible_sessions: possible, share: sessions / possible,
		rest_pupils, rest_sessions, rest_possible_sessions: rest_possible, rest_share, ratio: rest_sessions === 0 ? null : sessions / possible / rest_share
	};
}
const unusualRows = [
	unusual('sen', 'EHC plan', 12, 'E', 2, 24, 2_904, 406, 0, 98_830),
	unusual('cla', 'Looked after', 11, 'M', 7, 31, 2_640, 407, 357, 99_094),
	unusual('ethnicity', 'White', 301, 'G', 14, 214, 72_542, 117, 22, 29_192),
	unusual('year_group', 'Year 11', 80, 'S', 1, 22, 19_360, 338, 8, 82_374),
	unusual('fsm', 'FSM eligible', 97, 'O', 41, 498, 23_377, 321, 745, 78_357)
];
/** More groups than the chart draws: the table has them all, the chart the first UNUSUAL_SHOWN. */
const manyUnusual = Array.from({ length: UNUSUAL_SHOWN + 4 }, (_, i) =>
	unusual('year_group', `Year ${7 + (i % 5)}`, 80 + (i % 5), ['O', 'N', 'G', 'I'][i % 4], 5 + (i % 9), 40 + i * 3, 19_000 + i * 20, 340, 400 - i * 9, 82_000)
);

describe('codes/totals: codeTotals', () => {
	it('every code used, not-possible codes without a share, pointing at I', async () => {
		const chart = codeTotals(totals, 900);
		await pointAt(chart, 'g[aria-label="bar"] > rect:nth-child(6)');
		expectSnapshot('codes-totals', chart);
	});
	it('a single code', () => expectSnapshot('codes-totals-single', codeTotals(totals.slice(0, 1), 900)));
});

describe('codes/weekly: codeWeekly', () => {
	it('a strip per code, scaled to its busiest week, pointing at G in the week of 21 October', async () => {
		const chart = codeWeekly(weekly, 1000);
		await pointAt(chart, 'g[aria-label="rect"] > g:nth-child(4) > rect:nth-child(8)');
		expectSnapshot('codes-weekly', chart);
	});
	it('a single week', () => expectSnapshot('codes-weekly-single', codeWeekly(weekly.filter((r) => r.week === '2024-09-09'), 1000)));
});

describe('codes/byGroup: codeHeatTable', () => {
	it('shares by year group, codes a group never used greyed', async () => {
		const chart = codeHeatTable('share')(yearGroups, 900);
		await pointAt(chart, 'g[aria-label="cell"] > rect:nth-child(6)');
		expectSnapshot('codes-by-group-share', chart);
	});
	it('sessions by form across schools (long labels)', () => expectSnapshot('codes-by-group-sessions', codeHeatTable('sessions')(forms, 900)));
});

describe('codes/holidays: holidaysWeekly', () => {
	it('G and H stacked by week (2023/24, before H was withdrawn), pointing at 1 July', async () => {
		const chart = holidaysWeekly(holidaysByWeek, 900);
		await pointAt(chart, 'g[aria-label="rect"] > rect:nth-child(4)');
		expectSnapshot('codes-holidays-weekly', chart);
	});
	it('G only, one week', () => expectSnapshot('codes-holidays-weekly-single', holidaysWeekly(holidaysByWeek.slice(2, 3), 900)));
});

describe('codes/holidays: holidaysYearGroup', () => {
	it('G and H side by side per year group, pointing at Year 6 G', async () => {
		const chart = holidaysYearGroup(holidayYearGroups(true), 900);
		await pointAt(chart, 'g[aria-label="bar"] > g:nth-child(3) > rect:nth-child(1)', { edge: 'top' });
		expectSnapshot('codes-holidays-year-group', chart);
	});
	it('G only (a range after August 2024)', () => expectSnapshot('codes-holidays-year-group-g-only', holidaysYearGroup(holidayYearGroups(false), 900)));
});

describe('codes/unusual: unusualBars', () => {
	it('a code no one else has first, paler to the end of the axis; pointing at Looked after · M', async () => {
		const chart = unusualBars(unusualRows, 1000);
		await pointAt(chart, 'g[aria-label="bar"] > rect:nth-child(2)');
		expectSnapshot('codes-unusual', chart);
	});
	it(`more rows than the chart draws: the first ${UNUSUAL_SHOWN}`, () => expectSnapshot('codes-unusual-many', unusualBars(manyUnusual, 1000)));
});
