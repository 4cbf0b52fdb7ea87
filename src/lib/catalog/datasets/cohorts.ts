import { cols } from '../columns';
import { defineDataset } from '../define';
import { COHORT_DIMENSIONS, param } from '../params';

const dimension = (opts: { default?: (typeof COHORT_DIMENSIONS)[number]; as?: string; required?: boolean } = {}) => param.choice(COHORT_DIMENSIONS, opts);
const RATE_CELLS = ['pupils', 'possible_sessions', 'absent_sessions', 'absence_rate'];

/** The Cohorts view (sql/datasets/cohorts/). */
export const COHORTS = {
	by_dimension: defineDataset({
		title: 'Every group of every dimension, with gaps to the rest of the school and to national',
		source: { sql: 'datasets/cohorts/by_dimension' },
		params: { dimension: dimension() },
		columns: {
			...cols('dimension'),
			value: { type: 'text', format: 'text', label: 'Value' },
			sort_key: { type: 'integer', format: 'integer', label: 'Sort key' },
			...cols('pupils', 'possible_sessions', 'absent_sessions', 'absence_rate', 'persistent_pupils', 'persistent_percent', 'severe_pupils', 'severe_percent', 'rest_pupils', 'rest_possible_sessions'),
			rest_absent_sessions: { type: 'integer', format: 'count', label: 'Rest absent sessions' },
			...cols('rest_absence_rate', 'gap_to_rest_points'),
			rest_persistent_pupils: { type: 'integer', format: 'count', label: 'Rest persistent pupils' },
			...cols('rest_persistent_percent', 'gap_to_rest_persistent_points'),
			national_absence_rate: { type: 'number', format: 'percent', label: 'National absence rate' },
			gap_to_national_points: { type: 'number', format: 'points', label: 'Gap to national points' },
			...cols('national_period', 'national_source', 'national_persistent_percent'),
			gap_to_national_persistent_points: { type: 'number', format: 'points', label: 'Gap to national persistent points' },
			national_persistent_period: { type: 'text', format: 'text', label: 'National persistent period' },
			la_absence_rate: { type: 'number', format: 'percent', label: 'LA absence rate' },
			...cols('la_period', 'la_source', 'la_area')
		},
		// A dimension's groups add up to the school; the rest (school minus group) and the gaps give a group away.
		suppress: {
			pupils: 'pupils',
			cells: [...RATE_CELLS, 'rest_pupils', 'rest_possible_sessions', 'rest_absent_sessions', 'rest_absence_rate', 'gap_to_rest_points', 'gap_to_national_points'],
			counts: [
				{ pupils: 'persistent_pupils', cells: ['persistent_pupils', 'persistent_percent', 'rest_persistent_pupils', 'rest_persistent_percent', 'gap_to_rest_persistent_points', 'gap_to_national_persistent_points'] },
				{ pupils: 'severe_pupils', cells: ['severe_pupils', 'severe_percent'] }
			],
			groupBy: ['dimension']
		}
	}),
	crossed: defineDataset({
		title: 'Two dimensions crossed (FSM × SEN unless given)',
		source: { sql: 'datasets/cohorts/crossed' },
		params: { rows: dimension({ default: 'fsm' }), cols: dimension({ default: 'sen' }) },
		check: (p) => (p.rows === p.cols ? 'rows and cols must be two different dimensions' : null),
		columns: {
			row_dimension: { type: 'text', format: 'text', label: 'Row dimension' },
			row_value: { type: 'text', format: 'text', label: 'Row value' },
			row_sort_key: { type: 'integer', format: 'integer', label: 'Row sort key' },
			col_dimension: { type: 'text', format: 'text', label: 'Col dimension' },
			col_value: { type: 'text', format: 'text', label: 'Col value' },
			col_sort_key: { type: 'integer', format: 'integer', label: 'Col sort key' },
			...cols('pupils', 'possible_sessions', 'absent_sessions', 'absence_rate', 'persistent_pupils', 'persistent_percent', 'severe_pupils', 'severe_percent', 'rest_pupils', 'rest_absence_rate', 'gap_to_rest_points', 'rest_persistent_percent', 'gap_to_rest_persistent_points')
		},
		// Cells add up along their row and their column (to the groups of by_dimension).
		suppress: {
			pupils: 'pupils',
			cells: [...RATE_CELLS, 'rest_pupils', 'rest_absence_rate', 'gap_to_rest_points'],
			counts: [
				{ pupils: 'persistent_pupils', cells: ['persistent_pupils', 'persistent_percent', 'rest_persistent_percent', 'gap_to_rest_persistent_points'] },
				{ pupils: 'severe_pupils', cells: ['severe_pupils', 'severe_percent'] }
			],
			groupBy: ['row_value'],
			alsoGroupBy: [['col_value']]
		}
	}),
	pupils: defineDataset({
		title: 'The pupils of one group, or of a crossed cell',
		source: { sql: 'datasets/cohorts/pupils' },
		params: {
			dimension: dimension({ as: 'group_dimension', required: true }),
			value: param.text({ max: 100, as: 'group_value', required: true }),
			dimension2: dimension({ as: 'group_dimension2' }),
			value2: param.text({ max: 100, as: 'group_value2' })
		},
		check: (p) => (p.dimension2 !== null && p.value2 === null ? 'value2 is required' : null),
		columns: cols('upn', 'name', 'year_group', 'school_urn', 'school_name', 'possible_sessions', 'absent_sessions', 'authorised_sessions', 'unauthorised_sessions', 'absence_rate', 'persistent', 'severe'),
		pupilLevel: true
	})
};
