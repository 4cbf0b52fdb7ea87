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
		columns: {
			split_group: { type: 'text', format: 'text', label: 'Split group' },
			split_sort: { type: 'integer', format: 'integer', label: 'Split sort' },
			group_pupils: { type: 'integer', format: 'count', label: 'Group pupils' },
			weekday_number: { type: 'integer', format: 'integer', label: 'Weekday number' },
			weekday: { type: 'text', format: 'text', label: 'Weekday' },
			session: { type: 'text', format: 'text', label: 'Session' },
			possible_sessions: { type: 'integer', format: 'count', label: 'Possible sessions' },
			absent_sessions: { type: 'integer', format: 'count', label: 'Absent sessions' },
			absence_rate: { type: 'number', format: 'percent', label: 'Absence rate' },
		},
		suppress: { pupils: 'group_pupils', cells: ['group_pupils', ...RATE], groupBy: ['weekday_number', 'session'] }
	}),
	month: defineDataset({
		title: 'Absence by month (split by a cohort dimension)',
		source: { sql: 'datasets/patterns/month' },
		params: split,
		columns: {
			split_group: { type: 'text', format: 'text', label: 'Split group' },
			split_sort: { type: 'integer', format: 'integer', label: 'Split sort' },
			group_pupils: { type: 'integer', format: 'count', label: 'Group pupils' },
			month: { type: 'date', format: 'date', label: 'Month' },
			month_label: { type: 'text', format: 'text', label: 'Month label' },
			school_days: { type: 'integer', format: 'count', label: 'School days' },
			possible_sessions: { type: 'integer', format: 'count', label: 'Possible sessions' },
			absent_sessions: { type: 'integer', format: 'count', label: 'Absent sessions' },
			absence_rate: { type: 'number', format: 'percent', label: 'Absence rate' },
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
			school_days: { type: 'integer', format: 'count', label: 'School days' },
			possible_sessions: { type: 'integer', format: 'count', label: 'Possible sessions' },
			absent_sessions: { type: 'integer', format: 'count', label: 'Absent sessions' },
			absence_rate: { type: 'number', format: 'percent', label: 'Absence rate' },
		}
	}),
	'lateness-weekday': defineDataset({
		title: 'Lateness by weekday',
		source: { sql: 'datasets/patterns/lateness_weekday' },
		params: {},
		columns: {
			weekday_number: { type: 'integer', format: 'integer', label: 'Weekday number' },
			weekday: { type: 'text', format: 'text', label: 'Weekday' },
			possible_sessions: { type: 'integer', format: 'count', label: 'Possible sessions' },
			late_sessions: { type: 'integer', format: 'count', label: 'Late sessions' },
			late_after_close_sessions: { type: 'integer', format: 'count', label: 'Late after close sessions' },
			late_per_100: { type: 'number', format: 'decimal', label: 'Late per 100', unit: 'per 100 possible sessions' },
			late_after_close_per_100: { type: 'number', format: 'decimal', label: 'Late after close per 100', unit: 'per 100 possible sessions' },
			avg_minutes_late: { type: 'number', format: 'decimal', label: 'Avg minutes late', unit: 'minutes' },
			avg_minutes_after_close: { type: 'number', format: 'decimal', label: 'Avg minutes after close', unit: 'minutes' },
			minutes_recorded: { type: 'integer', format: 'count', label: 'Minutes recorded' },
			late_minutes_recorded: { type: 'integer', format: 'count', label: 'Late minutes recorded' },
			pupils: { type: 'integer', format: 'count', label: 'Pupils' },
			late_pupils: { type: 'integer', format: 'count', label: 'Late pupils' },
		},
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
		columns: {
			year_group: { type: 'text', format: 'text', label: 'Year group' },
			year_group_sort: { type: 'integer', format: 'integer', label: 'Year group sort' },
			pupils: { type: 'integer', format: 'count', label: 'Pupils' },
			late_pupils: { type: 'integer', format: 'count', label: 'Late pupils' },
			possible_sessions: { type: 'integer', format: 'count', label: 'Possible sessions' },
			late_sessions: { type: 'integer', format: 'count', label: 'Late sessions' },
			late_after_close_sessions: { type: 'integer', format: 'count', label: 'Late after close sessions' },
			late_per_100: { type: 'number', format: 'decimal', label: 'Late per 100', unit: 'per 100 possible sessions' },
			late_after_close_per_100: { type: 'number', format: 'decimal', label: 'Late after close per 100', unit: 'per 100 possible sessions' },
			avg_minutes_late: { type: 'number', format: 'decimal', label: 'Avg minutes late', unit: 'minutes' },
			avg_minutes_after_close: { type: 'number', format: 'decimal', label: 'Avg minutes after close', unit: 'minutes' },
			minutes_recorded: { type: 'integer', format: 'count', label: 'Minutes recorded' },
			late_minutes_recorded: { type: 'integer', format: 'count', label: 'Late minutes recorded' },
		},
		// Year groups add up to the school; the late figures rest on the pupils who were late.
		suppress: {
			pupils: 'pupils',
			cells: ['pupils', 'possible_sessions'],
			counts: [{ pupils: 'late_pupils', cells: ['late_pupils', ...LATENESS.filter((c) => c !== 'possible_sessions')] }],
			groupBy: []
		}
	})
};
