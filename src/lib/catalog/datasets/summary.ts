import { cols } from '../columns';
import { defineDataset } from '../define';
import { CODES } from './codes';

/** The Summary view's datasets (the same SQL as the CLI's reports). */
export const SUMMARY = {
	totals: defineDataset({
		title: 'Whole-school summary: pupils, sessions, absence, persistent and severe absence',
		source: { sql: 'reports/summary' },
		params: {},
		columns: {
			...cols('pupils', 'possible_sessions'),
			authorised_sessions: { type: 'integer', format: 'count', label: 'Authorised absence (sessions)' },
			unauthorised_sessions: { type: 'integer', format: 'count', label: 'Unauthorised absence (sessions)' },
			overall_absence_rate: { type: 'number', format: 'percent', label: 'Overall absence' },
			persistent_pupils: { type: 'integer', format: 'count', label: 'Persistently absent pupils' },
			severe_pupils: { type: 'integer', format: 'count', label: 'Severely absent pupils' }
		},
		suppress: {
			pupils: 'pupils',
			cells: ['pupils', 'possible_sessions', 'authorised_sessions', 'unauthorised_sessions', 'overall_absence_rate'],
			counts: [
				{ pupils: 'persistent_pupils', cells: ['persistent_pupils'] },
				{ pupils: 'severe_pupils', cells: ['severe_pupils'] }
			]
		}
	}),
	weekday: defineDataset({
		title: 'Absence by weekday and session',
		source: { sql: 'reports/weekday' },
		params: {},
		columns: cols('weekday', 'session', 'possible_sessions', 'absent_sessions', 'absence_rate'),
		// every weekday and session rests on all the pupils selected
		suppress: 'selection'
	}),
	/** The Summary's codes are the Codes view's totals: one definition, suppressed alike. */
	codes: CODES.totals
};
