import { error } from '@sveltejs/kit';
import type { Dataset } from '../api';
import { COHORT_DIMENSIONS } from '../reports';

const isDimension = (d: string): boolean => (COHORT_DIMENSIONS as readonly string[]).includes(d);

/** A cohort dimension named by the URL parameter `key` (400 unless one of COHORT_DIMENSIONS). */
function dimension(url: URL, key: string, fallback: string | null = null): string | null {
	const text = url.searchParams.get(key) || fallback;
	if (text !== null && !isDimension(text)) error(400, `${key} must be one of ${COHORT_DIMENSIONS.join(', ')} (not '${text}')`);
	return text;
}

/** A group's value from the URL parameter `key`: required, at most 100 characters. */
function value(url: URL, key: string): string {
	const text = url.searchParams.get(key);
	if (!text) error(400, `${key} is required`);
	if (text.length > 100) error(400, `${key} is too long`);
	return text;
}

const rest = ['rest_absence_rate', 'gap_to_rest_points', 'rest_persistent_percent', 'gap_to_rest_persistent_points'];
const rates = ['pupils', 'possible_sessions', 'absent_sessions', 'absence_rate', 'persistent_pupils', 'persistent_percent', 'severe_pupils', 'severe_percent'];

/** The Cohorts view's datasets (sql/datasets/cohorts/). */
export const COHORTS_DATASETS: Record<string, Dataset> = {
	/** Every group of every dimension (or of ?dimension= only), with gaps to the rest of school and to national. */
	by_dimension: {
		sql: 'datasets/cohorts/by_dimension',
		columns: [
			'dimension', 'value', 'sort_key', ...rates,
			'rest_pupils', 'rest_possible_sessions', 'rest_absent_sessions', ...rest,
			'national_absence_rate', 'gap_to_national_points', 'national_period', 'national_source',
			'national_persistent_percent', 'gap_to_national_persistent_points', 'national_persistent_period',
			'la_absence_rate', 'la_period', 'la_source', 'la_area'
		],
		params: (url) => ({ dimension: dimension(url, 'dimension') }),
		// A dimension's groups add up to the school; the rest (school minus group) and the gaps give a group away.
		suppress: {
			pupils: 'pupils',
			cells: ['pupils', 'possible_sessions', 'absent_sessions', 'absence_rate', 'rest_pupils', 'rest_possible_sessions', 'rest_absent_sessions', 'rest_absence_rate', 'gap_to_rest_points', 'gap_to_national_points'],
			counts: [
				{ pupils: 'persistent_pupils', cells: ['persistent_pupils', 'persistent_percent', 'rest_persistent_percent', 'gap_to_rest_persistent_points', 'gap_to_national_persistent_points'] },
				{ pupils: 'severe_pupils', cells: ['severe_pupils', 'severe_percent'] }
			],
			groupBy: ['dimension']
		}
	},
	/** Two dimensions crossed: ?rows=fsm&cols=sen (FSM × SEN unless given). */
	crossed: {
		sql: 'datasets/cohorts/crossed',
		columns: ['row_dimension', 'row_value', 'row_sort_key', 'col_dimension', 'col_value', 'col_sort_key', ...rates, 'rest_pupils', ...rest],
		params: (url) => {
			const rows = dimension(url, 'rows', 'fsm');
			const cols = dimension(url, 'cols', 'sen');
			if (rows === cols) error(400, 'rows and cols must be two different dimensions');
			return { rows, cols };
		},
		// Cells add up along their row and their column (to the groups of by_dimension).
		suppress: {
			pupils: 'pupils',
			cells: ['pupils', 'possible_sessions', 'absent_sessions', 'absence_rate', 'rest_pupils', 'rest_absence_rate', 'gap_to_rest_points'],
			counts: [
				{ pupils: 'persistent_pupils', cells: ['persistent_pupils', 'persistent_percent', 'rest_persistent_percent', 'gap_to_rest_persistent_points'] },
				{ pupils: 'severe_pupils', cells: ['severe_pupils', 'severe_percent'] }
			],
			groupBy: ['row_value'],
			alsoGroupBy: [['col_value']]
		}
	},
	/** The pupils of one group (?dimension=&value=), or of a crossed cell (and ?dimension2=&value2=). */
	pupils: {
		sql: 'datasets/cohorts/pupils',
		columns: [
			'upn', 'name', 'year_group', 'school_urn', 'school_name', 'possible_sessions', 'absent_sessions',
			'authorised_sessions', 'unauthorised_sessions', 'absence_rate', 'persistent', 'severe'
		],
		pupilLevel: true,
		params: (url) => {
			const first = dimension(url, 'dimension');
			if (first === null) error(400, 'dimension is required');
			const second = dimension(url, 'dimension2');
			return {
				group_dimension: first,
				group_value: value(url, 'value'),
				group_dimension2: second,
				group_value2: second === null ? null : value(url, 'value2')
			};
		}
	}
};
