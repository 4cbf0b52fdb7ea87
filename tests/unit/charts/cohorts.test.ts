// @vitest-environment jsdom
// The Cohorts page's charts (src/lib/charts/cohorts) from rows shaped like sql/datasets/cohorts/by_dimension.sql
// and crossed.sql: each group's parts, the rest of school's (school minus group), rates worked out from them.
import { describe, it } from 'vitest';
import type { DataRow } from '$lib/arrow-client';
import { cohortBars } from '$lib/charts/cohorts/bars';
import { crossedHeatmap } from '$lib/charts/cohorts/heatmap';
import { pupilsHref } from '$lib/charts/cohorts/measures';
import { WITHHELD } from '$lib/withheld';
import { byYear, fsm, group, sen } from './cohort-rows';
import { expectSnapshot } from './snapshot';

/**
 * A governor's copy (small numbers withheld, src/lib/server/suppression.ts): EHC plan rests on 4 pupils,
 * so its figures are null and named in withheld_columns; SEN support's persistent figures go with it
 * (secondary suppression, so the EHC plan's cannot be worked out from the total).
 */
const senWithheld = [
	sen[0],
	{ ...sen[1], persistent_pupils: null, persistent_percent: null, rest_persistent_pupils: null, rest_persistent_percent: null, gap_to_rest_persistent_points: null, gap_to_national_persistent_points: null, [WITHHELD]: 'persistent_pupils,persistent_percent,rest_persistent_pupils,rest_persistent_percent,gap_to_rest_persistent_points,gap_to_national_persistent_points' },
	{
		...sen[2], pupils: null, possible_sessions: null, absent_sessions: null, absence_rate: null, rest_pupils: null, rest_possible_sessions: null,
		rest_absent_sessions: null, rest_absence_rate: null, gap_to_rest_points: null, gap_to_national_points: null, persistent_pupils: null,
		persistent_percent: null, rest_persistent_pupils: null, rest_persistent_percent: null, gap_to_rest_persistent_points: null, gap_to_national_persistent_points: null,
		severe_pupils: null, severe_percent: null,
		[WITHHELD]: 'pupils,possible_sessions,absent_sessions,absence_rate,rest_pupils,rest_possible_sessions,rest_absent_sessions,rest_absence_rate,gap_to_rest_points,gap_to_national_points,persistent_pupils,persistent_percent,rest_persistent_pupils,rest_persistent_percent,gap_to_rest_persistent_points,gap_to_national_persistent_points,severe_pupils,severe_percent'
	}
];

const page = new URL('http://localhost/cohorts?year=2024%2F25&school=100001');
const groupHref = (d: DataRow) => pupilsHref(page, d.dimension as string, d.value as string);
const cellHref = (d: DataRow) => pupilsHref(page, d.row_dimension as string, d.row_value as string, d.col_dimension as string, d.col_value as string);

// cohorts/crossed: FSM × SEN, each cell's rest the school without that cell
const CELLS = [
	['FSM eligible', 1, 'No SEN', 1, [71, 17_290, 1_560, 18, 2]],
	['FSM eligible', 1, 'SEN support', 2, [21, 5_190, 622, 8, 1]],
	['FSM eligible', 1, 'EHC plan', 3, [5, 1_180, 140, 2, 0]],
	['Not FSM eligible', 2, 'No SEN', 1, [281, 69_840, 3_320, 26, 0]],
	['Not FSM eligible', 2, 'SEN support', 2, [37, 9_120, 769, 8, 0]],
	['Not FSM eligible', 2, 'EHC plan', 3, [3, 800, 110, 2, 1]]
] as const;
const crossed: DataRow[] = CELLS.map(([row_value, row_sort_key, col_value, col_sort_key, parts]) => ({
	row_dimension: 'fsm', row_value, row_sort_key, col_dimension: 'sen', col_value, col_sort_key, ...group([...parts])
}));
const crossedWithheld = crossed.map((d) =>
	(d.pupils as number) < 5 ? { ...d, pupils: null, absence_rate: null, persistent_percent: null, rest_absence_rate: null, gap_to_rest_points: null, [WITHHELD]: 'pupils,absence_rate,persistent_percent,rest_absence_rate,gap_to_rest_points' } : d
);
const names = { rows: 'Free school meals', cols: 'SEN' };

describe('cohorts/bars: cohortBars', () => {
	// each bar links to its group's pupils and says its figures in its title (no pointer tip)
	it('SEN groups: absence against the rest of school and national, a small group flagged', () =>
		expectSnapshot('cohorts-bars-sen', cohortBars(sen, 900, 'absence', groupHref, 'SEN')));
	it('FSM: persistent absence', () => expectSnapshot('cohorts-bars-fsm-pa', cohortBars(fsm, 900, 'pa', groupHref, 'Free school meals')));
	it('year groups: no national figures', () => expectSnapshot('cohorts-bars-year-group', cohortBars(byYear, 600, 'absence', groupHref, 'Year group')));
	it('a governor\'s copy: a group withheld (c)', () => expectSnapshot('cohorts-bars-withheld', cohortBars(senWithheld, 900, 'pa', groupHref, 'SEN')));
});

describe('cohorts/heatmap: crossedHeatmap', () => {
	it('FSM × SEN absence, small cells faded and outlined', () => expectSnapshot('cohorts-heatmap', crossedHeatmap(crossed, 900, 'absence', cellHref, names)));
	it('FSM × SEN persistent absence, narrow', () => expectSnapshot('cohorts-heatmap-pa', crossedHeatmap(crossed, 420, 'pa', cellHref, names)));
	it('a governor\'s copy: cells withheld (c)', () => expectSnapshot('cohorts-heatmap-withheld', crossedHeatmap(crossedWithheld, 900, 'absence', cellHref, names)));
	it('a single cell', () => expectSnapshot('cohorts-heatmap-single', crossedHeatmap(crossed.slice(0, 1), 900, 'absence', cellHref, names)));
});
