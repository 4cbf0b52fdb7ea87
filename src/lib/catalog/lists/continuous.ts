import { param } from '../params';
import { defineList, type ListColumns } from '../define';
import { badgeOf, REGULATIONS, schoolUrn, WORKING_TOGETHER } from './common';

const columns = {
	upn: { type: 'text', label: 'UPN', kind: 'text' },
	reason: {
		type: 'text',
		label: 'Reason', kind: 'badge',
		badges: { missing: { text: 'Missing (unauthorised)', tone: 'bad' }, illness: { text: 'Illness', tone: 'info' } }
	},
	start_date: { type: 'date', label: 'Since', kind: 'date', help: 'start of the run, or the first illness' },
	days_so_far: { type: 'number', label: 'Days so far', kind: 'days' },
	latest_date: { type: 'date', label: 'Latest', kind: 'date' },
	action: { type: 'text', label: 'Action', kind: 'text', wrap: true },
	school_urn: { ...schoolUrn, type: 'integer' },
} satisfies ListColumns;

export const continuous = defineList({
	sql: 'lists/continuous',
	label: 'Continuous unauthorised absence (10 and 20 days) and illness this year',
	title: 'Continuous absence and illness',
	purpose: 'Pupils missing for many school days in a row (a child-missing-education referral) and pupils with long illness (tell the local authority).',
	rule: (p) => `Missing: the current run of ${p.missing_days} or more consecutive school days on which every possible session is unauthorised (G, N or O; U means the pupil was seen), still running on the chosen date. At ${p.removal_days} days, the removal-from-roll and missing-education checks. Illness: ${p.illness_days} or more days of illness (I sessions ÷ 2) this academic year, consecutive or not.`,
	source: `${WORKING_TOGETHER}; “Children missing education”, DfE (2024); “Arranging education for children who cannot attend school because of health needs”, DfE (2023); ${REGULATIONS}, regulation 9.`,
	params: {
		missing_days: param.integer({ default: 10, min: 1, max: 200, description: 'consecutive school days of unauthorised absence', label: 'Missing after (school days in a row)' }),
		illness_days: param.integer({ default: 15, min: 1, max: 200, description: 'days of illness this academic year', label: 'Illness days this year' }),
		removal_days: param.integer({ default: 20, min: 1, max: 400, description: 'consecutive days for the removal-from-roll checks', label: 'Removal checks after (days in a row)' })
	},
	columns,
	breakdown: (r) => badgeOf(columns.reason, r.reason)
});
