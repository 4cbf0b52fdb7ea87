import { error } from '@sveltejs/kit';
import type { Dataset } from '../api';
import { COHORT_DIMENSIONS } from '../reports';
import type { Params } from '../warehouse';

/** `split=fsm`: split the weekday and month charts by the groups of one cohort dimension (none when absent). */
export function splitParam(url: URL): Params {
	const split = url.searchParams.get('split') || null;
	if (split !== null && !(COHORT_DIMENSIONS as readonly string[]).includes(split))
		error(400, `split must be one of ${COHORT_DIMENSIONS.join(', ')}`);
	return { split };
}

const SPLIT = ['split_group', 'split_sort', 'group_pupils'];
const RATE = ['possible_sessions', 'absent_sessions', 'absence_rate'];
const LATENESS = [
	'possible_sessions', 'late_sessions', 'late_after_close_sessions', 'late_per_100', 'late_after_close_per_100',
	'avg_minutes_late', 'avg_minutes_after_close', 'minutes_recorded', 'late_minutes_recorded'
];

/** The Patterns view's datasets: when in the week, term and year absence and lateness happen. */
export const PATTERNS_DATASETS: Record<string, Dataset> = {
	weekday: {
		sql: 'datasets/patterns/weekday',
		columns: [...SPLIT, 'weekday_number', 'weekday', 'session', ...RATE],
		params: splitParam,
		suppress: { pupils: 'group_pupils', cells: ['group_pupils', ...RATE], groupBy: ['weekday_number', 'session'] }
	},
	month: {
		sql: 'datasets/patterns/month',
		columns: [...SPLIT, 'month', 'month_label', 'school_days', ...RATE],
		params: splitParam,
		suppress: { pupils: 'group_pupils', cells: ['group_pupils', ...RATE], groupBy: ['month'] }
	},
	'week-of-term': { sql: 'datasets/patterns/week_of_term', columns: ['week_of_term', 'half_terms', 'school_days', ...RATE] },
	'lateness-weekday': { sql: 'datasets/patterns/lateness_weekday', columns: ['weekday_number', 'weekday', ...LATENESS] },
	'lateness-year-group': {
		sql: 'datasets/patterns/lateness_year_group',
		columns: ['year_group', 'year_group_sort', 'pupils', 'late_pupils', ...LATENESS],
		// Year groups add up to the school; the late figures rest on the pupils who were late.
		suppress: {
			pupils: 'pupils',
			cells: ['pupils', 'possible_sessions'],
			counts: [{ pupils: 'late_pupils', cells: ['late_pupils', ...LATENESS.filter((c) => c !== 'possible_sessions')] }],
			groupBy: []
		}
	}
};
