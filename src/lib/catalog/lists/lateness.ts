import { param } from '../params';
import { defineList, type ListColumns } from '../define';
import { REGULATIONS, schoolUrn, since } from './common';

const columns = {
	upn: { type: 'text', label: 'UPN', kind: 'text' },
	late_total: { type: 'integer', label: 'Late sessions', kind: 'count' },
	late_sessions: { type: 'integer', label: 'Before close (L)', kind: 'count' },
	late_after_close_sessions: { type: 'integer', label: 'After close (U)', kind: 'count' },
	minutes_late: { type: 'integer', label: 'Minutes late', kind: 'count' },
	sessions_with_minutes: { type: 'integer', label: 'Sessions with minutes', kind: 'count', hidden: true },
	latest_late_date: { type: 'date', label: 'Latest', kind: 'date' },
	school_urn: { ...schoolUrn, type: 'integer' },
} satisfies ListColumns;

export const lateness = defineList({
	sql: 'lists/lateness',
	label: 'Persistent lateness (L and U)',
	title: 'Persistent lateness',
	purpose: 'Pupils who are often late, with late before registers closed (L) and after (U, an unauthorised absence) apart.',
	rule: (p) => `${p.min_late} or more late sessions (L or U) from ${p.since ? 'the date given' : 'the start of the academic year'} to the chosen date, with the minutes late where the register gave them.`,
	source: `${REGULATIONS}, codes L and U; school lateness policies.`,
	params: {
		since: since('From (date)'),
		min_late: param.integer({ default: 10, min: 1, max: 1000, description: 'late sessions (L or U) to be listed', label: 'At least (late sessions)' })
	},
	columns
});
