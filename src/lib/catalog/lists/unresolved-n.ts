import { param } from '../params';
import { defineList, type ListColumns } from '../define';
import { REGULATIONS, schoolUrn, since, WORKING_TOGETHER } from './common';

const columns = {
	upn: { type: 'text', label: 'UPN', kind: 'text' },
	unresolved_sessions: { type: 'integer', label: 'Overdue N sessions', kind: 'count' },
	oldest_date: { type: 'date', label: 'Oldest', kind: 'date' },
	oldest_age_school_days: { type: 'integer', label: 'Oldest age (school days)', kind: 'count' },
	latest_date: { type: 'date', label: 'Latest', kind: 'date' },
	sessions: { type: 'text', label: 'Sessions', kind: 'sessions', wrap: true },
	school_urn: { ...schoolUrn, type: 'integer' },
} satisfies ListColumns;

export const unresolvedN = defineList({
	sql: 'lists/unresolved-n',
	label: 'N codes (no reason yet) older than a number of school days',
	title: 'Unresolved N codes',
	purpose: 'Absences still coded N (no reason yet) after the school should have found out why: chase them and replace the N.',
	rule: (p) => `An N is overdue when more than ${p.days} school days have passed since its session (the reason should usually be found within 5), counting the school’s school days up to the chosen date. Ns of the current academic year only; one row per pupil, oldest first.`,
	source: `${WORKING_TOGETHER}; ${REGULATIONS}, code N.`,
	params: {
		days: param.integer({ default: 5, min: 0, max: 200, description: 'school days after which an N is overdue', label: 'Overdue after (school days)' })
	},
	columns
});
