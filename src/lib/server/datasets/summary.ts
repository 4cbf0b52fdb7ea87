import type { Dataset } from '../api';

/** The Summary view's datasets (the same SQL as the CLI's reports). */
export const SUMMARY_DATASETS: Record<string, Dataset> = {
	weekday: {
		sql: 'reports/weekday',
		columns: ['weekday', 'session', 'possible_sessions', 'absent_sessions', 'absence_rate']
	},
	codes: { sql: 'reports/codes', columns: ['code', 'sessions'] }
};
