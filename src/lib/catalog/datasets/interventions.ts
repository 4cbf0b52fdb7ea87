import { cols } from '../columns';
import { defineDataset } from '../define';
import { param } from '../params';

/** What the log's status filter takes: open, ended, or open with its review date passed. */
export const INTERVENTION_STATUSES = ['open', 'ended', 'overdue'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];
/** Weeks of attendance before the start compared with since, by default and at most. */
export const WEEKS_BEFORE = { default: 6, min: 1, max: 26 };

/** The intervention log: every intervention open at some time in the period, with its status, review and progress. */
export const INTERVENTIONS = {
	log: defineDataset({
		title: 'Intervention log',
		source: { sql: 'datasets/interventions/log' },
		params: {
			type: param.text({ max: 80, message: 'type is an intervention type from the list' }),
			status: param.choice(INTERVENTION_STATUSES, { message: `status must be one of ${INTERVENTION_STATUSES.join(', ')}` }),
			weeks: param.integer({ ...WEEKS_BEFORE, message: `weeks must be a whole number from ${WEEKS_BEFORE.min} to ${WEEKS_BEFORE.max}` })
		},
		columns: {
			...cols('intervention_id', 'upn', 'name'),
			sort_name: { type: 'text', format: 'text', label: 'Sort name' },
			...cols('year_group'),
			year_group_order: { type: 'integer', format: 'integer', label: 'Year group order' },
			...cols('school_urn'),
			type: { type: 'text', format: 'text', label: 'Type' },
			...cols('start_date', 'end_date', 'review_date', 'target', 'notes', 'staff', 'import_id'),
			recorded_by: { type: 'text', format: 'text', label: 'Recorded by' },
			recorded_at: { type: 'timestamp', format: 'timestamp', label: 'Recorded at' },
			...cols('status'),
			review_overdue: { type: 'boolean', format: 'flag', label: 'Review overdue' },
			days_overdue: { type: 'integer', format: 'count', label: 'Days overdue' },
			as_of: { type: 'date', format: 'date', label: 'As of' },
			target_rate: { type: 'number', format: 'percent', label: 'Target rate' },
			before_possible: { type: 'integer', format: 'count', label: 'Before possible' },
			before_absent: { type: 'integer', format: 'count', label: 'Before absent' },
			before_attendance: { type: 'number', format: 'percent', label: 'Before attendance' },
			since_possible: { type: 'integer', format: 'count', label: 'Since possible' },
			since_absent: { type: 'integer', format: 'count', label: 'Since absent' },
			since_attendance: { type: 'number', format: 'percent', label: 'Since attendance' },
			progress: { type: 'number', format: 'percent', label: 'Progress' },
			target_met: { type: 'boolean', format: 'flag', label: 'Target met' }
		},
		pupilLevel: true
	})
};
