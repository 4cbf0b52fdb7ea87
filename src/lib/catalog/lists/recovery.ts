import { param } from '../params';
import { defineList, type ListColumns } from '../define';
import { pct, schoolUrn } from './common';

const columns = {
	upn: { type: 'text', label: 'UPN', kind: 'text' },
	attendance_rate: { type: 'number', label: 'Attendance', kind: 'rate' },
	attended_sessions: { type: 'integer', label: 'Attended sessions', kind: 'count', hidden: true },
	possible_sessions: { type: 'integer', label: 'Possible sessions', kind: 'count', hidden: true },
	school_days_left: { type: 'integer', label: 'School days left', kind: 'count' },
	sessions_left: { type: 'integer', label: 'Sessions left', kind: 'count', hidden: true },
	sessions_needed_low: {
		type: 'integer',
		label: (p) => `To reach ${pct(p.target_low)}`, kind: 'needed', outlook: 'outlook_low',
		help: 'sessions to attend, of the sessions left this year'
	},
	outlook_low: { type: 'text', label: (p) => `Outlook at ${pct(p.target_low)}`, kind: 'text', hidden: true },
	sessions_needed_high: {
		type: 'integer',
		label: (p) => `To reach ${pct(p.target_high)}`, kind: 'needed', outlook: 'outlook_high',
		help: 'sessions to attend, of the sessions left this year'
	},
	outlook_high: { type: 'text', label: (p) => `Outlook at ${pct(p.target_high)}`, kind: 'text', hidden: true },
	school_urn: { ...schoolUrn, type: 'integer' },
} satisfies ListColumns;

export const recovery = defineList({
	sql: 'lists/recovery',
	label: 'Recovery: sessions needed to finish the year at 90% and 95%',
	title: 'Recovery plans',
	purpose: 'Pupils below the first target this year: how many of the sessions left they must attend to finish the year at each target.',
	rule: (p) => `Pupils below ${pct(p.target_low)} attendance this year. Sessions left = 2 × the weekdays after the chosen date within the year’s term dates; needed = target × (possible + left) − attended, rounded up; possible while needed ≤ left. Targets ${pct(p.target_low)} and ${pct(p.target_high)}. Without term dates the outlook is unknown. 90% or below is DfE persistent absence.`,
	source: 'DfE persistent absence (10%+ of possible sessions); school attendance targets.',
	params: {
		target_low: param.fraction({ default: 0.9, min: 0, max: 1, description: 'the first target (pupils below it are listed)', label: 'First target (%)' }),
		target_high: param.fraction({ default: 0.95, min: 0, max: 1, description: 'the second target', label: 'Second target (%)' })
	},
	check: (p) => ((p.target_high as number) >= (p.target_low as number) ? null : 'target_high must be at or above target_low'),
	columns,
	breakdown: (r) => [
			r.outlook_low === null || r.outlook_low === undefined
				? { text: 'Outlook not known', tone: 'neutral' }
				: r.sessions_needed_low === null
					? { text: 'First target out of reach', tone: 'bad' }
					: { text: 'First target in reach', tone: 'good' }
		]
});
