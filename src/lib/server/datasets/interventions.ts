import { error } from '@sveltejs/kit';
import type { Dataset } from '../api';

/** What the log's status filter takes: open, ended, or open with its review date passed. */
export const INTERVENTION_STATUSES = ['open', 'ended', 'overdue'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/** Weeks of attendance before the start compared with since, by default and at most. */
export const WEEKS_BEFORE = { default: 6, min: 1, max: 26 };

/** The log's own URL parameters (type, status, weeks), checked: 400 when malformed. */
export function logParams(url: URL): { type: string | null; status: InterventionStatus | null; weeks: number; upn: null } {
	const type = url.searchParams.get('type')?.trim() || null;
	if (type && type.length > 80) error(400, 'type is an intervention type from the list');
	const status = url.searchParams.get('status') || null;
	if (status !== null && !(INTERVENTION_STATUSES as readonly string[]).includes(status))
		error(400, `status must be one of ${INTERVENTION_STATUSES.join(', ')}`);
	const weeksText = url.searchParams.get('weeks');
	const weeks = weeksText ? Number(weeksText) : WEEKS_BEFORE.default;
	if (!Number.isInteger(weeks) || weeks < WEEKS_BEFORE.min || weeks > WEEKS_BEFORE.max)
		error(400, `weeks must be a whole number from ${WEEKS_BEFORE.min} to ${WEEKS_BEFORE.max}`);
	return { type, status: status as InterventionStatus | null, weeks, upn: null };
}

/** The columns of sql/datasets/interventions/log.sql. */
export const LOG_COLUMNS = [
	'intervention_id', 'upn', 'name', 'sort_name', 'year_group', 'year_group_order', 'school_urn', 'type', 'start_date', 'end_date',
	'review_date', 'target', 'notes', 'staff', 'import_id', 'recorded_by', 'recorded_at', 'status', 'review_overdue', 'days_overdue',
	'as_of', 'target_rate', 'before_possible', 'before_absent', 'before_attendance', 'since_possible', 'since_absent',
	'since_attendance', 'progress', 'target_met'
];

/**
 * The intervention log's datasets: the log itself (every intervention open at some time in the period,
 * with its status, review and progress against its target), pupil-level. Takes the dashboard filters and
 * type, status and weeks.
 */
export const INTERVENTION_DATASETS: Record<string, Dataset> = {
	log: { sql: 'datasets/interventions/log', columns: LOG_COLUMNS, params: logParams, pupilLevel: true }
};
