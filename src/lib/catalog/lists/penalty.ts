import { param } from '../params';
import { defineList, type ListColumns } from '../define';
import { REGULATIONS, schoolUrn, WORKING_TOGETHER } from './common';

const columns = {
	upn: { type: 'text', label: 'UPN', kind: 'text' },
	unauthorised_sessions_in_window: { type: 'integer', label: 'Unauthorised sessions', kind: 'count', help: 'G, N, O and U sessions in the window' },
	window_start: { type: 'date', label: 'Window from', kind: 'date', sameNote: true },
	window_end: { type: 'date', label: 'Window to', kind: 'date', sameNote: true },
	threshold_met_on: { type: 'date', label: 'Threshold met on', kind: 'date', dateTone: 'bad', help: 'first day of the current unbroken run at or over the threshold' },
	sessions_before_threshold: { type: 'integer', label: 'Sessions to threshold', kind: 'count' },
	next_drop_date: { type: 'date', label: 'Next drop', kind: 'date', help: 'when the oldest counted sessions leave the window' },
	next_drop_sessions: { type: 'integer', label: 'Sessions dropping', kind: 'count' },
	school_urn: { ...schoolUrn, type: 'integer' },
} satisfies ListColumns;

export const penalty = defineList({
	sql: 'lists/penalty',
	label: 'Penalty-notice threshold: unauthorised sessions in 10 school weeks',
	title: 'Penalty-notice threshold',
	purpose: 'Pupils at or near the national threshold for considering a penalty notice, with when sessions drop out of the window.',
	rule: (p) => `${p.threshold_sessions} or more sessions of unauthorised absence (codes G, N, O, U) within a rolling ${p.window_weeks} school weeks. A school week is one with at least one possible session; the window may span holidays, terms and academic years, and ends with the week of the chosen date.`,
	source: `${WORKING_TOGETHER}; the national framework for penalty notices under the ${REGULATIONS}.`,
	params: {
		threshold_sessions: param.integer({ default: 10, min: 1, max: 1000, description: 'unauthorised sessions that meet the threshold', label: 'Threshold (unauthorised sessions)' }),
		window_weeks: param.integer({ default: 10, min: 1, max: 60, description: 'school weeks in the rolling window', label: 'Window (school weeks)' })
	},
	columns,
	breakdown: (r) => [r.threshold_met_on ? { text: 'Threshold met', tone: 'bad' } : { text: 'Below the threshold', tone: 'neutral' }]
});
