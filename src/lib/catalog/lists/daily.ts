import { param } from '../params';
import { defineList, type ListColumns } from '../define';
import { schoolUrn, WORKING_TOGETHER } from './common';

const columns = {
	upn: { type: 'text', label: 'UPN', kind: 'text' },
	forename: { type: 'text', label: 'Forename', kind: 'text', hidden: true },
	surname: { type: 'text', label: 'Surname', kind: 'text', hidden: true },
	n_sessions: { type: 'text', label: 'N sessions', kind: 'text' },
	days_absent_in_row: { type: 'integer', label: 'Days absent in a row', kind: 'count' },
	home_visit: { type: 'boolean', label: 'Home visit', kind: 'flag', flag: { text: 'Home visit due', tone: 'bad' } },
	cla: { type: 'boolean', label: 'Looked after', kind: 'flag', hidden: true },
	child_in_need: { type: 'boolean', label: 'Child in need', kind: 'flag', hidden: true },
	child_protection_plan: { type: 'boolean', label: 'Protection plan', kind: 'flag', hidden: true },
	ehcp: { type: 'boolean', label: 'EHC plan', kind: 'flag', hidden: true },
	school_urn: { ...schoolUrn, type: 'integer' },
} satisfies ListColumns;

export const daily = defineList({
	sql: 'lists/daily',
	label: 'First-day calls: absent today with no reason yet',
	title: 'First-day calls',
	purpose: 'Pupils absent on the day with no reason yet: the calls to make first thing, vulnerable pupils first.',
	rule: (p) => `A session coded N on the chosen date. Days absent in a row counts the school days up to that date on which every possible session was an absence; a home visit is due after more than ${p.home_visit_days} days in a row. Looked-after children, children in need, children with a protection plan and pupils with an EHC plan come first.`,
	source: `${WORKING_TOGETHER}: first-day calling and home visits.`,
	params: {
		home_visit_days: param.integer({ default: 4, min: 0, max: 200, description: 'a home visit after more than this many days absent in a row', label: 'Home visit after (days in a row)' })
	},
	columns,
	breakdown: (r) => [r.home_visit ? { text: 'Home visit due', tone: 'bad' } : { text: 'Call', tone: 'neutral' }]
});
