import { defineList, type ListColumns } from '../define';
import { REGULATIONS, schoolUrn, WORKING_TOGETHER } from './common';

const columns = {
	upn: { type: 'text', label: 'UPN', kind: 'text' },
	c2_sessions: { type: 'integer', label: 'C2 sessions', kind: 'count' },
	first_c2_date: { type: 'date', label: 'First C2', kind: 'date' },
	latest_c2_date: { type: 'date', label: 'Latest C2', kind: 'date' },
	possible_sessions: { type: 'integer', label: 'Possible', kind: 'count' },
	attended_sessions: { type: 'integer', label: 'Attended', kind: 'count' },
	other_absent_sessions: { type: 'integer', label: 'Other absence', kind: 'count' },
	school_urn: { ...schoolUrn, type: 'integer' },
} satisfies ListColumns;

export const partTime = defineList({
	sql: 'lists/part-time',
	label: 'Part-time timetables (C2) this year',
	title: 'Part-time timetables',
	purpose: 'Pupils on a part-time timetable this year: each must be temporary and reviewed.',
	rule: () => 'Any session coded C2 (leave of absence for a compulsory school age pupil on a part-time timetable) this academic year up to the chosen date, with the first and latest C2 and the pupil’s sessions so far. Latest C2 first.',
	source: `${REGULATIONS}, code C2 (from 19 August 2024); ${WORKING_TOGETHER}.`,
	params: {},
	columns
});
