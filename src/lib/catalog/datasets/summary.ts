import { defineDataset } from '../define';

/** The Summary view's datasets (the same SQL as the CLI's reports). */
export const SUMMARY = {
	weekday: defineDataset({
		title: 'Absence by weekday and session',
		source: { sql: 'reports/weekday' },
		params: {},
		columns: {
			weekday: { type: 'text', format: 'text', label: 'Weekday' },
			session: { type: 'text', format: 'text', label: 'Session' },
			possible_sessions: { type: 'integer', format: 'count', label: 'Possible sessions' },
			absent_sessions: { type: 'integer', format: 'count', label: 'Absent sessions' },
			absence_rate: { type: 'number', format: 'percent', label: 'Absence rate' },
		}
	}),
	codes: defineDataset({
		title: 'Sessions by attendance code',
		source: { sql: 'reports/codes' },
		params: {},
		columns: {
			code: { type: 'text', format: 'text', label: 'Code' },
			sessions: { type: 'integer', format: 'count', label: 'Sessions' },
		}
	})
};
