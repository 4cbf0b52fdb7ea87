import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { CATEGORICAL, SERIES } from '../palette';
import { dayDate, percent, percentTick } from '$lib/catalog/format';
import { day } from './categories';

export const ROLLING = 'Last 20 school days';
export const CUMULATIVE = 'Year to date';
const INTERVENTION = CATEGORICAL[4];

/** The interval an intervention covers on the timeline: start to end, else to review, else its start day. */
export function interventionSpan(v: DataRow): [Date, Date] {
	const start = day(v.start_date as string);
	const end = day(((v.end_date ?? v.review_date ?? v.start_date) as string));
	return [start, new Date(Math.max(end.getTime(), start.getTime()) + 86_400_000)];
}

/**
 * The pupil's attendance at each school day: over the last 20 school days (drawn from the 20th school day
 * of the range, when the window is full) and cumulatively since the start of the range, with the 90% and
 * 95% reference lines and the pupil's interventions as shaded spans labelled at the top.
 */
export function rollingAttendance(rows: DataRow[], width: number, interventions: DataRow[] = []): Element {
	const full = rows.some((r) => r.rolling_days === 20);
	const points = rows.flatMap((r) => [
		...(full && r.rolling_days === 20 ? [{ date: day(r.date as string), series: ROLLING, value: r.rolling_attendance as number, row: r }] : []),
		{ date: day(r.date as string), series: CUMULATIVE, value: r.ytd_attendance as number, row: r }
	]);
	const lowest = Math.min(0.85, ...points.map((p) => p.value));
	const floor = Math.max(0, Math.floor((lowest - 0.02) * 20) / 20);
	const first = day(rows[0].date as string);
	const last = day(rows[rows.length - 1].date as string);
	const shown = interventions
		.map((v, i) => ({ v, i, span: interventionSpan(v) }))
		.filter(({ span }) => span[1] >= first && span[0] <= last)
		.map((s, k) => ({ ...s, x1: s.span[0] < first ? first : s.span[0], x2: s.span[1] > last ? last : s.span[1], lane: k % 3 }));
	const split = first.getTime() + (last.getTime() - first.getTime()) * 0.65;
	const references = [
		{ value: 0.95, label: '95%', stroke: SERIES.target },
		{ value: 0.9, label: '90%', stroke: '#767676' }
	];
	return Plot.plot({
		width,
		height: 340,
		marginLeft: 54,
		marginRight: 44,
		marginTop: shown.length ? 60 : 30,
		ariaLabel: 'Attendance over the last 20 school days and year to date, with interventions',
		x: { type: 'utc', domain: [first, last], label: null },
		y: { domain: [floor, 1], label: 'Attendance', tickFormat: percentTick, grid: true },
		color: { domain: full ? [ROLLING, CUMULATIVE] : [CUMULATIVE], range: full ? [SERIES.school, '#000000'] : ['#000000'], legend: true },
		marks: [
			Plot.rect(shown, { x1: 'x1', x2: 'x2', fill: INTERVENTION, fillOpacity: 0.14 }),
			Plot.ruleX(shown, { x: 'x1', stroke: INTERVENTION, strokeWidth: 2 }),
			// labels in three lanes above the chart; those in the last third of the timeline end at their line
			...[0, 1, 2].flatMap((lane) =>
				(['start', 'end'] as const).map((anchor) =>
					Plot.text(
						shown.filter((s) => s.lane === lane && (s.x1.getTime() > split) === (anchor === 'end')),
						{
							x: 'x1',
							frameAnchor: 'top',
							dy: -52 + lane * 16,
							dx: anchor === 'start' ? 4 : -4,
							text: (s) => `${s.v.type} (${dayDate(s.v.start_date)})`,
							textAnchor: anchor,
							lineAnchor: 'top',
							fill: '#1b1f24',
							fontSize: 11
						}
					)
				)
			),
			Plot.ruleY(references, { y: 'value', stroke: 'stroke', strokeDasharray: '5,4' }),
			Plot.text(references, { x: () => last, y: 'value', text: 'label', textAnchor: 'start', dx: 6, fill: '#1b1f24', fontSize: 11 }),
			Plot.line(points, { x: 'date', y: 'value', stroke: 'series', strokeWidth: 2 }),
			Plot.tip(
				rows,
				Plot.pointerX({
					x: (r: DataRow) => day(r.date as string),
					y: 'ytd_attendance',
					title: (r: DataRow) =>
						`${dayDate(r.date)}\n${CUMULATIVE}: ${percent(r.ytd_attendance as number)} (${r.ytd_absent} of ${r.ytd_possible} sessions missed)` +
						`\nLast ${r.rolling_days} school days: ${percent(r.rolling_attendance as number)} (${r.rolling_absent} of ${r.rolling_possible} missed)`
				})
			)
		]
	});
}
