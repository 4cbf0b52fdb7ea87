import { param } from '../params';
import { defineList, type ListColumns } from '../define';
import { badgeOf, pct, points, schoolUrn, since } from './common';

const columns = {
	upn: { type: 'text', label: 'UPN', kind: 'text' },
	attendance_rate: { type: 'number', label: 'Attendance this year', kind: 'rate' },
	half_term_rate: { type: 'number', label: 'This half-term', kind: 'rate' },
	previous_half_term_rate: { type: 'number', label: 'Last half-term', kind: 'rate' },
	improvement: { type: 'number', label: 'Improvement', kind: 'points' },
	improved_rank: { type: 'integer', label: 'Improved rank', kind: 'count', help: 'rank among the most improved of the school' },
	recognition: {
		type: 'text',
		label: 'Recognition', kind: 'badges',
		badges: { attendance: { text: 'Attendance', tone: 'good' }, 'most improved': { text: 'Most improved', tone: 'info' } }
	},
	school_urn: { ...schoolUrn, type: 'integer' },
} satisfies ListColumns;

export const recognition = defineList({
	sql: 'lists/recognition',
	label: 'Recognition: 95%+ this year, most improved since last half-term',
	title: 'Recognition',
	purpose: 'Pupils to congratulate: high attendance this year, and the most improved since last half-term.',
	rule: (p) => `Attendance this academic year at or above ${pct(p.rate)}, compared exactly; and the ${p.top} most improved pupils of each school: attendance this half-term minus last half-term’s, above zero, ties sharing a rank.`,
	source: 'School attendance policies (recognition and rewards).',
	params: {
		rate: param.fraction({ default: 0.95, min: 0, max: 1, description: 'attendance this year at or above', label: 'Attendance at or above (%)' }),
		top: param.integer({ default: 10, min: 0, max: 10000, description: 'most improved pupils per school', label: 'Most improved per school' })
	},
	columns,
	breakdown: (r) => badgeOf(columns.recognition, r.recognition)
});
