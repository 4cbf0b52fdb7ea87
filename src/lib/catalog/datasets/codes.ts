import { cols } from '../columns';
import { defineDataset } from '../define';
import { param } from '../params';

/** The Codes view: which attendance codes are used, when, by whom, and what is left to resolve (sql/datasets/codes/). */
export const CODES = {
	totals: defineDataset({
		title: 'Sessions by attendance code',
		source: { sql: 'datasets/codes/totals' },
		params: {},
		columns: {
			...cols('code', 'meaning', 'category', 'sessions', 'pupils'),
			share_of_possible: { type: 'number', format: 'percent', label: 'Share of possible' }
		},
		// pupils: those with the code; the codes' sessions add up to all sessions.
		suppress: { pupils: 'pupils', cells: ['pupils', 'sessions', 'share_of_possible'], groupBy: [] }
	}),
	weekly: defineDataset({
		title: 'Sessions by code, week by week',
		source: { sql: 'datasets/codes/weekly' },
		params: {},
		columns: cols('week', 'code', 'meaning', 'category', 'sessions', 'school_days', 'pupils'),
		// a week's sessions of a code rest on the pupils with it that week; a code's weeks add up to its total
		suppress: { pupils: 'pupils', cells: ['pupils', 'sessions'], groupBy: ['code'] }
	}),
	'by-group': defineDataset({
		title: 'Codes by year group or form',
		source: { sql: 'datasets/codes/by_group' },
		params: { rows: param.choice(['year_group', 'form'] as const, { default: 'year_group', message: 'rows must be year_group or form' }) },
		columns: {
			row_label: { type: 'text', format: 'text', label: 'Row label' },
			row_sort: { type: 'integer', format: 'integer', label: 'Row sort' },
			...cols('pupils', 'code', 'meaning', 'category', 'sessions'),
			row_sessions: { type: 'integer', format: 'count', label: 'Row sessions' },
			...cols('share')
		},
		// A row's codes add up to its sessions; a code's rows to the code's total.
		suppress: { pupils: 'pupils', cells: ['pupils', 'sessions', 'row_sessions', 'share'], groupBy: ['row_label'], alsoGroupBy: [['code']] }
	}),
	'unresolved-n': defineDataset({
		title: 'N codes not yet resolved',
		source: { sql: 'datasets/codes/unresolved_n' },
		params: {
			older_than: param.integer({ default: 5, min: 0, max: 190, message: 'older_than must be a whole number of school days, 0 to 190', description: 'school days an N may stand before it is listed' })
		},
		columns: {
			...cols('school_urn'),
			school: { type: 'text', format: 'text', label: 'School' },
			...cols('upn', 'name', 'year_group'),
			form: { type: 'text', format: 'text', label: 'Form' },
			...cols('date', 'session'),
			school_days_outstanding: { type: 'integer', format: 'count', label: 'School days outstanding' }
		},
		pupilLevel: true
	}),
	'holidays-weekly': defineDataset({
		title: 'Holiday codes week by week',
		source: { sql: 'datasets/codes/holidays_weekly' },
		params: {},
		columns: cols('week', 'code', 'meaning', 'category', 'pupils', 'sessions'),
		suppress: { pupils: 'pupils', cells: ['pupils', 'sessions'], groupBy: ['code'] }
	}),
	'holidays-year-group': defineDataset({
		title: 'Holiday codes by year group',
		source: { sql: 'datasets/codes/holidays_year_group' },
		params: {},
		columns: {
			...cols('year_group', 'year_group_sort', 'code', 'meaning', 'category'),
			pupils_on_roll: { type: 'integer', format: 'count', label: 'Pupils on roll' },
			...cols('possible_sessions', 'pupils', 'sessions'),
			per_100: { type: 'number', format: 'decimal', label: 'Per 100', unit: 'per 100 sessions' }
		},
		// pupils_on_roll: the year group; pupils: those with the holiday code.
		suppress: {
			pupils: 'pupils_on_roll',
			cells: ['pupils_on_roll', 'possible_sessions'],
			counts: [{ pupils: 'pupils', cells: ['pupils', 'sessions', 'per_100'] }],
			groupBy: ['code']
		}
	}),
	unusual: defineDataset({
		title: 'Codes used unusually often by a group',
		source: { sql: 'datasets/codes/unusual' },
		params: {},
		columns: {
			...cols('dimension'),
			group_value: { type: 'text', format: 'text', label: 'Group value' },
			...cols('pupils', 'code'),
			code_pupils: { type: 'integer', format: 'count', label: 'Code pupils' },
			...cols('meaning', 'category', 'sessions', 'possible_sessions', 'share', 'rest_pupils'),
			rest_sessions: { type: 'integer', format: 'count', label: 'Rest sessions' },
			...cols('rest_possible_sessions'),
			rest_share: { type: 'number', format: 'percent', label: 'Rest share' },
			ratio: { type: 'number', format: 'decimal', label: 'Ratio', unit: 'times the rest' }
		},
		// Listed only for groups of 10 or more; the code's own pupils may still be few.
		suppress: {
			pupils: 'pupils',
			cells: ['pupils', 'possible_sessions'],
			counts: [{ pupils: 'code_pupils', cells: ['code_pupils', 'sessions', 'share', 'ratio', 'rest_sessions', 'rest_share'] }]
		}
	})
};
