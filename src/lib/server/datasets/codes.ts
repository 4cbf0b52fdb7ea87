import { error } from '@sveltejs/kit';
import type { Dataset } from '../api';
import type { Params } from '../warehouse';

/** `rows=form`: the code heat map's rows are forms rather than year groups. */
function rowsParam(url: URL): Params {
	const rows = url.searchParams.get('rows') || 'year_group';
	if (rows !== 'year_group' && rows !== 'form') error(400, 'rows must be year_group or form');
	return { rows };
}

/** `older_than=5`: how many school days an N may stand before it is listed (0 to 190). */
function olderThanParam(url: URL): Params {
	const text = url.searchParams.get('older_than') || '5';
	if (!/^\d{1,3}$/.test(text) || Number(text) > 190) error(400, 'older_than must be a whole number of school days, 0 to 190');
	return { older_than: Number(text) };
}

const CODE = ['code', 'meaning', 'category'];

/** The Codes view's datasets: which attendance codes are used, when, by whom, and what is left to resolve. */
export const CODES_DATASETS: Record<string, Dataset> = {
	totals: {
		sql: 'datasets/codes/totals',
		columns: [...CODE, 'sessions', 'pupils', 'share_of_possible'],
		// pupils: those with the code; the codes' sessions add up to all sessions.
		suppress: { pupils: 'pupils', cells: ['pupils', 'sessions', 'share_of_possible'], groupBy: [] }
	},
	weekly: { sql: 'datasets/codes/weekly', columns: ['week', ...CODE, 'sessions', 'school_days'] },
	'by-group': {
		sql: 'datasets/codes/by_group',
		columns: ['row_label', 'row_sort', 'pupils', ...CODE, 'sessions', 'row_sessions', 'share'],
		params: rowsParam,
		// A row's codes add up to its sessions; a code's rows to the code's total.
		suppress: { pupils: 'pupils', cells: ['pupils', 'sessions', 'row_sessions', 'share'], groupBy: ['row_label'], alsoGroupBy: [['code']] }
	},
	'unresolved-n': {
		sql: 'datasets/codes/unresolved_n',
		columns: ['school_urn', 'school', 'upn', 'name', 'year_group', 'form', 'date', 'session', 'school_days_outstanding'],
		params: olderThanParam,
		pupilLevel: true
	},
	'holidays-weekly': {
		sql: 'datasets/codes/holidays_weekly',
		columns: ['week', ...CODE, 'pupils', 'sessions'],
		suppress: { pupils: 'pupils', cells: ['pupils', 'sessions'], groupBy: ['code'] }
	},
	'holidays-year-group': {
		sql: 'datasets/codes/holidays_year_group',
		columns: ['year_group', 'year_group_sort', ...CODE, 'pupils_on_roll', 'possible_sessions', 'pupils', 'sessions', 'per_100'],
		// pupils_on_roll: the year group; pupils: those with the holiday code.
		suppress: {
			pupils: 'pupils_on_roll',
			cells: ['pupils_on_roll', 'possible_sessions'],
			counts: [{ pupils: 'pupils', cells: ['pupils', 'sessions', 'per_100'] }],
			groupBy: ['code']
		}
	},
	unusual: {
		sql: 'datasets/codes/unusual',
		columns: [
			'dimension', 'group_value', 'pupils', ...CODE, 'code_pupils', 'sessions', 'possible_sessions', 'share',
			'rest_pupils', 'rest_sessions', 'rest_possible_sessions', 'rest_share', 'ratio'
		],
		// Listed only for groups of 10 or more; the code's own pupils may still be few.
		suppress: {
			pupils: 'pupils',
			cells: ['pupils', 'possible_sessions'],
			counts: [{ pupils: 'code_pupils', cells: ['code_pupils', 'sessions', 'share', 'ratio', 'rest_sessions', 'rest_share'] }]
		}
	}
};
