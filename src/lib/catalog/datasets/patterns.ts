import { cols } from '../columns';
import { defineDataset } from '../define';
import { COHORT_DIMENSIONS, param } from '../params';

const split = { split: param.choice(COHORT_DIMENSIONS, { message: `split must be one of ${COHORT_DIMENSIONS.join(', ')}` }) };
const RATE = ['possible_sessions', 'absent_sessions', 'absence_rate'];
const LATENESS = [
	'possible_sessions', 'late_sessions', 'late_after_close_sessions', 'late_per_100', 'late_after_close_per_100',
	'avg_minutes_late', 'avg_minutes_after_close', 'minutes_recorded', 'late_minutes_recorded'
];

/** The Patterns view: when in the week, term and year absence and lateness happen (sql/datasets/patterns/). */
export const PATTERNS = {
	weekday: defineDataset({
		title: 'Absence by weekday and session (split by a cohort dimension)',
		source: { sql: 'datasets/patterns/weekday' },
		params: split,
		columns: cols('split_group', 'split_sort', 'group_pupils', 'weekday_number', 'weekday', 'session', 'possible_sessions', 'absent_sessions', 'absence_rate'),
		suppress: { pupils: 'group_pupils', cells: ['group_pupils', ...RATE], groupBy: ['weekday_number', 'session'] }
	}),
	month: defineDataset({
		title: 'Absence by month (split by a cohort dimension)',
		source: { sql: 'datasets/patterns/month' },
		params: split,
		columns: {
			...cols('split_group', 'split_sort', 'group_pupils'),
			month: { type: 'date', format: 'date', label: 'Month' },
			month_label: { type: 'text', format: 'text', label: 'Month label' },
			...cols('school_days', 'possible_sessions', 'absent_sessions', 'absence_rate')
		},
		suppress: { pupils: 'group_pupils', cells: ['group_pupils', ...RATE], groupBy: ['month'] }
	}),
	'week-of-term': defineDataset({
		title: 'Absence by week of the half-term',
		source: { sql: 'datasets/patterns/week_of_term' },
		params: {},
		// every week rests on all the pupils selected
		suppress: 'selection',
		columns: {
			week_of_term: { type: 'integer', format: 'integer', label: 'Week of term' },
			half_terms: { type: 'integer', format: 'count', label: 'Half terms' },
			...cols('school_days', 'possible_sessions', 'absent_sessions', 'absence_rate')
		}
	}),
	'lateness-weekday': defineDataset({
		title: 'Lateness by weekday',
		source: { sql: 'datasets/patterns/lateness_weekday' },
		params: {},
		columns: cols('weekday_number', 'weekday', 'possible_sessions', 'late_sessions', 'late_after_close_sessions', 'late_per_100', 'late_after_close_per_100', 'avg_minutes_late', 'avg_minutes_after_close', 'minutes_recorded', 'late_minutes_recorded', 'pupils', 'late_pupils'),
		// the weekdays' possible sessions rest on the pupils selected; the late figures on the pupils who were late
		suppress: {
			pupils: 'pupils',
			cells: ['pupils', 'possible_sessions'],
			counts: [{ pupils: 'late_pupils', cells: ['late_pupils', ...LATENESS.filter((c) => c !== 'possible_sessions')] }],
			groupBy: []
		}
	}),
	'lateness-year-group': defineDataset({
		title: 'Lateness by year group',
		source: { sql: 'datasets/patterns/lateness_year_group' },
		params: {},
		columns: cols('year_group', 'year_group_sort', 'pupils', 'late_pupils', 'possible_sessions', 'late_sessions', 'late_after_close_sessions', 'late_per_100', 'late_after_close_per_100', 'avg_minutes_late', 'avg_minutes_after_close', 'minutes_recorded', 'late_minutes_recorded'),
		// Year groups add up to the school; the late figures rest on the pupils who were late.
		suppress: {
			pupils: 'pupils',
			cells: ['pupils', 'possible_sessions'],
			counts: [{ pupils: 'late_pupils', cells: ['late_pupils', ...LATENESS.filter((c) => c !== 'possible_sessions')] }],
			groupBy: []
		}
	})
};
