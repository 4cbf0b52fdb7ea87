import * as Plot from '@observablehq/plot';
import { SERIES } from '../palette';
import { percent, percentTick } from '$lib/catalog/format';
import { withKey } from '../key';
import { halfTermDomain, paddedDomain, percentTicks, shortLabel, targetKey, targetRule, VALUE_LABEL } from '../overview/common';

/** A half-term's figures as the pack passes them (fractions; null where withheld). */
export interface TrendPoint {
	academic_year: string;
	label: string;
	attendance_rate: number | null;
	persistent_percent: number | null;
	chosen: boolean;
}

/**
 * The pack's trend: attendance by half-term this year (solid, labelled) against last year (grey, dashed),
 * with the target and, where published, national attendance for the year. Drawn at a fixed width that
 * fits an A4 page; CSS scales it down on narrow screens.
 */
export function packTrendChart(points: TrendPoint[], thisYear: string, targetPercent: number, nationalAttendance: number | null, width = 680): Element {
	const shown = points.filter((p) => p.attendance_rate !== null) as (TrendPoint & { attendance_rate: number })[];
	const domain = halfTermDomain(points.map((p) => ({ label: p.label })));
	const target = targetPercent / 100;
	const yDomain = paddedDomain([...shown.map((p) => p.attendance_rate), target, nationalAttendance]);
	const current = shown.filter((p) => p.academic_year === thisYear);
	const before = shown.filter((p) => p.academic_year !== thisYear);
	const lastYear = before[0]?.academic_year;
	const x = (p: TrendPoint) => shortLabel(p.label);
	const chart = Plot.plot({
		width,
		height: 300,
		marginLeft: 52,
		marginRight: 16,
		marginTop: 24,
		marginBottom: 36,
		ariaLabel: `Attendance by half-term in ${thisYear}${lastYear ? ` and ${lastYear}` : ''}, with the ${targetPercent}% target`,
		style: { fontSize: '13px' },
		x: { domain, type: 'point', padding: 0.4, label: null },
		y: { domain: yDomain, grid: true, label: 'Attendance', ticks: percentTicks(yDomain), tickFormat: percentTick },
		marks: [
			Plot.frame({ stroke: '#d0d7de' }),
			targetRule(target),
			...(nationalAttendance !== null ? [Plot.ruleY([nationalAttendance], { stroke: SERIES.national, strokeWidth: 2.5, strokeDasharray: '2 4' })] : []),
			Plot.lineY(before, { x, y: 'attendance_rate', stroke: SERIES.other, strokeWidth: 2.5, strokeDasharray: '6 4' }),
			Plot.dot(before, { x, y: 'attendance_rate', fill: SERIES.other, r: 3.5 }),
			Plot.lineY(current, { x, y: 'attendance_rate', stroke: SERIES.school, strokeWidth: 3 }),
			Plot.dot(current, { x, y: 'attendance_rate', fill: SERIES.school, r: (p: TrendPoint) => (p.chosen ? 7 : 5), stroke: 'white', strokeWidth: 1.5 }),
			Plot.text(current, {
				x, y: 'attendance_rate', text: (p: TrendPoint & { attendance_rate: number }) => percent(p.attendance_rate), dy: -14, ...VALUE_LABEL
			})
		]
	});
	// the chart is one named image: the labels Plot gives single marks (the frame's rect) are not allowed there
	chart.querySelectorAll('[aria-label]:not(svg), [aria-description]:not(svg)').forEach((el) => {
		el.removeAttribute('aria-label');
		el.removeAttribute('aria-description');
	});
	return withKey(chart, [
		{ label: `${thisYear} attendance`, colour: SERIES.school, shape: 'line' },
		...(lastYear ? [{ label: `${lastYear}`, colour: SERIES.other, shape: 'dash' as const }] : []),
		targetKey(targetPercent),
		...(nationalAttendance !== null ? [{ label: `National ${percent(nationalAttendance)}`, colour: SERIES.national, shape: 'dash' as const }] : [])
	]);
}
