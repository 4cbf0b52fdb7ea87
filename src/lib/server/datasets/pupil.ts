import { error } from '@sveltejs/kit';
import type { Dataset } from '../api';

/** A UPN as the warehouse holds it: a capital letter and 12 digits (the check letter is not re-checked). */
export const UPN_PATTERN = /^[A-Z]\d{12}$/;

/** The UPN of a pupil API path, /api/pupil/<upn>/<dataset>: checked, 400 when malformed. */
export function upnOfPath(url: URL): string {
	const segment = /^\/api\/pupil\/([^/]+)\//.exec(url.pathname)?.[1];
	const upn = segment === undefined ? '' : decodeURIComponent(segment);
	if (!UPN_PATTERN.test(upn)) error(400, 'a UPN is a capital letter and 12 digits');
	return upn;
}

const withUpn = (url: URL) => ({ upn: upnOfPath(url) });

/**
 * The pupil page's datasets, about one pupil (the UPN in the path): pupil-level, for roles that may see
 * individual pupils. Every one takes the dashboard filters.
 */
export const PUPIL_DATASETS: Record<string, Dataset> = {
	'year-to-date': {
		sql: 'datasets/pupil/year_to_date',
		columns: [
			'school_urn', 'school_name', 'possible_sessions', 'present_sessions', 'aea_sessions', 'authorised_sessions',
			'unauthorised_sessions', 'absent_sessions', 'absence_rate', 'attendance_rate', 'days_missed', 'persistent', 'severe',
			'late_sessions', 'late_minutes', 'late_after_close_sessions', 'late_after_close_minutes'
		],
		params: withUpn,
		pupilLevel: true
	},
	marks: {
		sql: 'datasets/pupil/marks',
		columns: ['date', 'session', 'code', 'category', 'meaning', 'minutes_late', 'school_urn', 'import_id', 'amended'],
		params: withUpn,
		pupilLevel: true
	},
	rolling: {
		sql: 'datasets/pupil/rolling',
		columns: [
			'date', 'possible_sessions', 'absent_sessions', 'rolling_days', 'rolling_possible', 'rolling_absent', 'rolling_attendance',
			'ytd_possible', 'ytd_absent', 'ytd_attendance'
		],
		params: withUpn,
		pupilLevel: true
	},
	history: {
		sql: 'datasets/pupil/history',
		columns: [
			'date', 'session', 'previous_code', 'new_code', 'previous_minutes_late', 'new_minutes_late', 'previous_import_id',
			'previous_file_name', 'import_id', 'file_name', 'changed_at', 'reason', 'author', 'school_urn'
		],
		params: withUpn,
		pupilLevel: true
	},
	interventions: {
		sql: 'datasets/pupil/interventions',
		columns: ['intervention_id', 'type', 'start_date', 'end_date', 'review_date', 'target', 'notes', 'staff', 'school_urn'],
		params: withUpn,
		pupilLevel: true
	}
};
