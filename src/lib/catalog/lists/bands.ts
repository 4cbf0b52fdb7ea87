import { param } from '../params';
import { defineList, type ListColumns } from '../define';
import { badgeOf, BAND_BADGES, bandBadge, pct, schoolUrn, since, sinceParam } from './common';

const columns = {
	upn: { type: 'text', label: 'UPN', kind: 'text' },
	attendance_rate: { type: 'number', label: 'Attendance', kind: 'rate' },
	band: { type: 'text', label: 'Band', kind: 'badge', sortBy: 'attendance_rate', badges: BAND_BADGES, badge: bandBadge },
	possible_sessions: { type: 'integer', label: 'Possible sessions', kind: 'count', hidden: true },
	attended_sessions: { type: 'integer', label: 'Attended sessions', kind: 'count', hidden: true },
	absent_sessions: { type: 'integer', label: 'Absent sessions', kind: 'count' },
	previous_attendance_rate: { type: 'number', label: 'Before', kind: 'rate' },
	previous_band: { type: 'text', label: 'Band before', kind: 'badge', sortBy: 'previous_attendance_rate', badges: BAND_BADGES, badge: bandBadge },
	movement: {
		type: 'text',
		label: 'Movement', kind: 'badge',
		badges: {
			up: { text: '▲ Up', tone: 'good' }, down: { text: '▼ Down', tone: 'bad' }, same: { text: 'Same', tone: 'neutral' }, new: { text: 'New', tone: 'info' }
		}
	},
	compared_to: { type: 'date', label: 'Band before as of', kind: 'date', sameNote: true },
	school_urn: { ...schoolUrn, type: 'integer' },
} satisfies ListColumns;

export const bands = defineList({
	sql: 'lists/bands',
	label: 'Attendance bands this year, with movement since last half-term',
	title: 'Attendance bands',
	purpose: 'Every pupil’s attendance this year in the school’s bands, with who moved band since the last half-term.',
	rule: (p) => `Attendance = (present + approved educational activity) ÷ possible sessions, 1 September to the chosen date, compared exactly with the cut-offs: top band at or above ${pct(p.band_high)}, expected ${pct(p.band_mid)}–${pct(p.band_high)}, at risk ${pct(p.band_low)}–${pct(p.band_mid)}, persistent at or below ${pct(p.band_low)} (90% or below is the DfE’s persistent absence), severe 50%+ absence. Movement compares with the band the day before this half-term began (or the compare-with date).`,
	source: 'School attendance policies; DfE persistent (10%+) and severe (50%+) absence.',
	params: {
		band_high: param.fraction({ default: 0.97, min: 0, max: 1, description: 'attendance at or above: top band', label: 'Top band from (%)' }),
		band_mid: param.fraction({ default: 0.95, min: 0, max: 1, description: 'attendance at or above: expected band', label: 'Expected band from (%)' }),
		band_low: param.fraction({ default: 0.9, min: 0, max: 1, description: 'attendance at or below: persistent absence', label: 'Persistent at or below (%)' }),
		since: since(sinceParam)
	},
	check: (p) =>
		(p.band_high as number) >= (p.band_mid as number) && (p.band_mid as number) > (p.band_low as number)
			? null
			: 'band cut-offs must be in order: band_high >= band_mid > band_low',
	columns,
	breakdown: (r) => badgeOf(columns.band, r.band)
});
