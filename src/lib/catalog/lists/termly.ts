import { param } from '../params';
import { defineList, type ListColumns } from '../define';
import { badgeOf, points, schoolUrn, since, WORKING_TOGETHER } from './common';

const columns = {
	upn: { type: 'text', label: 'UPN', kind: 'text' },
	reason: {
		type: 'text',
		label: 'Reason', kind: 'badge',
		badges: { unauthorised: { text: 'Unauthorised this term', tone: 'bad' }, ehcp_drop: { text: 'EHCP attendance fall', tone: 'warn' } }
	},
	term_start: { type: 'date', label: 'Term from', kind: 'date', sameNote: true },
	unauthorised_days: { type: 'number', label: 'Unauthorised days', kind: 'days' },
	attendance_rate: { type: 'number', label: 'Attendance this half-term', kind: 'rate' },
	previous_attendance_rate: { type: 'number', label: 'Last half-term', kind: 'rate' },
	attendance_change: { type: 'number', label: 'Change', kind: 'points' },
	school_urn: { ...schoolUrn, type: 'integer' },
} satisfies ListColumns;

export const termly = defineList({
	sql: 'lists/termly',
	label: 'Termly: 10+ days unauthorised this term, EHCP attendance falls',
	title: 'Termly checks',
	purpose: 'The termly return: pupils with many days of unauthorised absence this term, and pupils with an EHC plan whose attendance fell.',
	rule: (p) => `Unauthorised: ${p.unauthorised_days} or more school days of unauthorised absence (G, N, O, U sessions ÷ 2) from the first day of the term to the chosen date. EHCP fall: a pupil with an EHC plan whose attendance this half-term is ${points(p.ehcp_drop)} or more below last half-term’s.`,
	source: `${WORKING_TOGETHER}: the return to the local authority.`,
	params: {
		unauthorised_days: param.integer({ default: 10, min: 1, max: 200, description: 'school days of unauthorised absence this term', label: 'Unauthorised days this term' }),
		ehcp_drop: param.fraction({ default: 0.05, min: 0, max: 1, description: 'fall in an EHCP pupil’s attendance since last half-term', label: 'EHCP fall of (percentage points)' })
	},
	columns,
	breakdown: (r) => badgeOf(columns.reason, r.reason)
});
