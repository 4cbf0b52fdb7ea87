// @vitest-environment jsdom
// The pupil page's charts (src/lib/charts/pupil) from one pupil's rows shaped like sql/datasets/pupil/marks.sql,
// rolling.sql and interventions.sql: the autumn half-term of 2024, every school day's two marks.
import { describe, it } from 'vitest';
import type { DataRow } from '$lib/arrow-client';
import { markCalendar } from '$lib/charts/pupil/calendar';
import { rollingAttendance } from '$lib/charts/pupil/rolling';
import { code } from './codes-table';
import { expectSnapshot, pointAt } from './snapshot';

/** The school days from 2 September to 25 October 2024 (2 September an INSET day). */
const DAYS: string[] = [];
for (let t = Date.UTC(2024, 8, 2); t <= Date.UTC(2024, 9, 25); t += 86_400_000) {
	const d = new Date(t);
	if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) DAYS.push(d.toISOString().slice(0, 10));
}

/** The marks that are not plain present marks: date → [AM, PM] codes (a PM absence alone keeps AM '/'). */
const OTHER: Record<string, [string, string]> = {
	'2024-09-02': ['#', '#'],
	'2024-09-10': ['L', '\\'],
	'2024-09-19': ['I', 'I'],
	'2024-09-20': ['I', 'I'],
	'2024-09-27': ['/', 'M'],
	'2024-10-04': ['N', 'N'],
	'2024-10-07': ['O', 'O'],
	'2024-10-08': ['O', 'O'],
	'2024-10-09': ['U', '\\'],
	'2024-10-14': ['B', 'B'],
	'2024-10-21': ['G', 'G'],
	'2024-10-22': ['G', 'G'],
	'2024-10-23': ['G', 'G']
};
const MINUTES: Record<string, number> = { '2024-09-10': 10, '2024-10-09': 42 };

// pupil/marks: date, session, code, category, meaning, minutes_late, school_urn, import_id, amended
const marks: DataRow[] = DAYS.flatMap((date) =>
	(['AM', 'PM'] as const).map((session, i) => {
		const c = OTHER[date]?.[i] ?? (session === 'AM' ? '/' : '\\');
		return {
			date, session, ...code(c), minutes_late: (c === 'L' || c === 'U') && session === 'AM' ? (MINUTES[date] ?? null) : null,
			school_urn: 100001, import_id: 3, amended: date === '2024-10-04' // the N was later amended from O
		};
	})
);

// pupil/rolling: per school day (a day with a possible session), the last 20 school days and the year to date
const rolling: DataRow[] = (() => {
	const days = DAYS.filter((d) => OTHER[d]?.[0] !== '#').map((date) => {
		const codes = marks.filter((m) => m.date === date);
		const absent = codes.filter((m) => m.category === 'authorised' || m.category === 'unauthorised').length;
		return { date, possible: codes.length, absent };
	});
	return days.map((d, i) => {
		const window = days.slice(Math.max(0, i - 19), i + 1);
		const sofar = days.slice(0, i + 1);
		const rp = window.reduce((s, w) => s + w.possible, 0);
		const ra = window.reduce((s, w) => s + w.absent, 0);
		const yp = sofar.reduce((s, w) => s + w.possible, 0);
		const ya = sofar.reduce((s, w) => s + w.absent, 0);
		return {
			date: d.date, possible_sessions: d.possible, absent_sessions: d.absent, rolling_days: window.length, rolling_possible: rp, rolling_absent: ra,
			rolling_attendance: 1 - ra / rp, ytd_possible: yp, ytd_absent: ya, ytd_attendance: 1 - ya / yp
		};
	});
})();

// pupil/interventions, as the page labels them with their progress (type: "Letter 1: on track")
const intervention = (type: string, start_date: string, end_date: string | null, review_date: string | null): DataRow => ({
	intervention_id: start_date.length, type, start_date, end_date, review_date, target: '95%', notes: null, staff: 'J. Patel', school_urn: 100001
});
const interventions = [
	intervention('Family support / early help', '2024-06-10', null, '2024-09-20'), // began before the range: drawn from its start
	intervention('Letter 1: below target', '2024-10-07', null, '2024-10-18'),
	intervention('Attendance meeting', '2024-10-10', '2024-10-10', null),
	intervention('Letter 2', '2024-10-22', null, null), // the last third: labelled to the left of its line
	intervention('Penalty notice', '2025-01-06', null, null) // after the range: not drawn
];

describe('pupil/calendar: markCalendar', () => {
	it('two months of marks, the codes written, weekends shaded, pointing at 19 September AM', async () => {
		const chart = markCalendar(marks, 1000);
		// the weekends' 17 shaded days come first, then two halves a school day: 19 September is the 14th
		await pointAt(chart, 'g[aria-label="bar"] > rect', { nth: 17 + 13 * 2 });
		expectSnapshot('pupil-calendar', chart);
	});
	it('narrow: too small to write the codes', () => expectSnapshot('pupil-calendar-narrow', markCalendar(marks, 420)));
	it('a single session', () => expectSnapshot('pupil-calendar-single', markCalendar(marks.slice(2, 3), 1000)));
});

describe('pupil/rolling: rollingAttendance', () => {
	it('a full 20-day window and the year to date, interventions in lanes, pointing at 7 October', async () => {
		const chart = rollingAttendance(rolling, 1000, interventions);
		// at the line marking Letter 1's start (7 October)
		await pointAt(chart, 'g[aria-label="rule"] > line', { nth: 1 });
		expectSnapshot('pupil-rolling', chart);
	});
	it('fewer than 20 school days: the year to date only, no interventions', () => expectSnapshot('pupil-rolling-short', rollingAttendance(rolling.slice(0, 12), 700)));
	it('a single school day', () => expectSnapshot('pupil-rolling-single', rollingAttendance(rolling.slice(0, 1), 700)));
});
