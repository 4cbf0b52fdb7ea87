import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { count, percent, percentTick } from '$lib/catalog/format';
import { SERIES } from '../palette';
import { paddedDomain, panelChart, percentTicks, span, targetKey, targetRule, VALUE_LABEL } from './common';

/** A short horizontal dash, for the national figure beside each dot. */
const DASH = { draw(context: CanvasPath, size: number) { const w = Math.sqrt(size); context.moveTo(-w, 0); context.lineTo(w, 0); } };

/** Whether the national figure (as attendance) is above the school's: its label then goes below the dot. */
const nationalAbove = (r: DataRow) =>
	r.national_overall_absence_rate !== null && 1 - (r.national_overall_absence_rate as number) > (r.attendance_rate as number);

const PERIODS = ['Autumn', 'Spring', 'Summer', 'Whole year'];
const period = (r: DataRow) => (r.grain === 'year' ? 'Whole year' : (r.term as string));

/**
 * Attendance by term and for the whole year, year on year: one panel per term, the three academic years
 * left to right, with the target and, where published, the national figure for the same term or year
 * (a short dash beside that year's dot). Rows: the periods dataset (term and year grains).
 */
export function termsChart(rows: DataRow[], width: number, targetPercent: number): Element {
	const data = rows.filter((r) => r.grain === 'term' || r.grain === 'year');
	const years = [...new Set(data.map((r) => r.academic_year as string))].sort();
	const periods = PERIODS.filter((p) => data.some((r) => period(r) === p));
	const national = data
		.filter((r) => r.national_overall_absence_rate !== null)
		.map((r) => ({ ...r, national: 1 - (r.national_overall_absence_rate as number) }));
	const target = targetPercent / 100;
	const tip = (r: DataRow) =>
		`${period(r)} ${r.academic_year}: attendance ${percent(r.attendance_rate as number)}\n` +
		`${(r.days_missed_per_pupil as number).toFixed(1)} days missed per pupil · ${count(r.pupils as number)} pupils\n${span(r)}` +
		(r.national_overall_absence_rate !== null ? `\nNational ${percent(1 - (r.national_overall_absence_rate as number))} (${r.national_period})` : '');
	const yDomain = paddedDomain([...data.map((r) => r.attendance_rate as number), target, ...national.map((n) => n.national)]);
	return panelChart(width, {
		panels: periods,
		height: { wide: 340, medium: 280, stacked: 170 },
		stackedMarginRight: 88,
		ariaLabel: `Attendance by term and whole year, ${years.join(', ')}, with the ${targetPercent}% target`,
		x: { domain: years, type: 'band', padding: 0.1, label: null },
		y: { domain: yDomain, grid: true, label: 'Attendance', ticks: percentTicks(yDomain), tickFormat: percentTick },
		marks: (panel) => [
			targetRule(target),
			Plot.dot(national, { ...panel(period), x: 'academic_year', y: 'national', symbol: DASH, r: 7, stroke: SERIES.national, strokeWidth: 3.5, dx: 18 }),
			Plot.lineY(data, { ...panel(period), x: 'academic_year', y: 'attendance_rate', stroke: SERIES.school, strokeWidth: 2.5 }),
			Plot.dot(data, { ...panel(period), x: 'academic_year', y: 'attendance_rate', fill: SERIES.school, r: 6, stroke: 'white', strokeWidth: 1.5 }),
			// each value above its dot, or below where the national dash sits above
			...[true, false].map((above) =>
				Plot.text(data.filter((r) => nationalAbove(r) !== above), {
					...panel(period), x: 'academic_year', y: 'attendance_rate', text: (r: DataRow) => percent(r.attendance_rate as number), dy: above ? -17 : 19, ...VALUE_LABEL
				})
			),
			Plot.tip(data, Plot.pointer({ ...panel(period), x: 'academic_year', y: 'attendance_rate', title: tip }))
		],
		key: [
			{ label: 'Attendance', colour: SERIES.school, shape: 'dot' },
			targetKey(targetPercent),
			...(national.length ? [{ label: 'National, same term or year (beside each dot)', colour: SERIES.national, shape: 'line' as const }] : [])
		]
	});
}
