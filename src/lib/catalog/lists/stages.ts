import { defineList, type ListColumns } from '../define';
import { badgeOf, schoolUrn, since, sinceParam } from './common';

const columns = {
	upn: { type: 'text', label: 'UPN', kind: 'text' },
	absent_days: { type: 'number', label: 'Absent days', kind: 'days' },
	absent_sessions: { type: 'integer', label: 'Absent sessions', kind: 'count' },
	stage_days: { type: 'integer', label: 'Stage (days)', kind: 'count', hidden: true },
	stage_name: {
		type: 'text',
		label: 'Stage', kind: 'badge', sortBy: 'stage_days',
		badges: {
			'Stage 1': { text: 'Stage 1 · 4 days', tone: 'info' }, 'Stage 2': { text: 'Stage 2 · 7 days', tone: 'info' },
			'Stage 3': { text: 'Stage 3 · 10 days', tone: 'warn' }, 'Stage 4': { text: 'Stage 4 · 13 days', tone: 'warn' },
			'Stage 5': { text: 'Stage 5 · 16 days', tone: 'warn' }, Persistent: { text: 'Persistent · 19 days', tone: 'bad' }
		}
	},
	crossed_on: { type: 'date', label: 'Stage reached on', kind: 'date' },
	stage_days_on_since: { type: 'integer', label: 'Stage on compare date (days)', kind: 'count', hideWhenEmpty: true },
	band: { type: 'text', label: 'Band', kind: 'badge', sortBy: 'absent_sessions', badges: { 'at risk': { text: 'At risk', tone: 'warn' }, persistent: { text: 'Persistent', tone: 'bad' } } },
	school_urn: { ...schoolUrn, type: 'integer' },
} satisfies ListColumns;

export const stages = defineList({
	sql: 'lists/stages',
	label: 'Staged approach: absent days this year, stages at 4, 7, 10, 13, 16 and 19 days',
	title: 'Staged approach (19-day model)',
	purpose: 'Pupils who reached a new stage of the school’s staged approach, for letters and meetings.',
	rule: () => 'Absent days this academic year = (authorised + unauthorised sessions) ÷ 2. Stages at 4, 7, 10, 13 and 16 days; 10–18 days is “at risk”; 19 days or more is persistent for the rest of the year (days only accumulate). A stage is crossed on the day the running total first reaches it. With a compare-with date, only pupils who moved up a stage since then are listed.',
	source: 'School attendance policies’ staged approach (the “19-day” model); DfE persistent absence is 10% or more of possible sessions.',
	params: {
		since: since(sinceParam)
	},
	columns,
	breakdown: (r) => badgeOf(columns.stage_name, r.stage_name)
});
