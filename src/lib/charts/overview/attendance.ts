import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { count, percent, percentTick } from '$lib/catalog/format';
import { SERIES } from '../palette';
import { halfTermDomain, paddedDomain, panelChart, percentTicks, shortLabel, span, targetKey, targetRule, VALUE_LABEL, yearsOf } from './common';

type NationalLine = DataRow & { attendance: number; x1: string | undefined; x2: string | undefined };

const nationalLabel = (n: NationalLine) => `${n.academic_year}${n.grain === 'term' ? ' autumn term' : ''} ${percent(n.attendance)}`;

/**
 * Attendance by half-term over the three years (one panel per academic year), with the target as a
 * dashed line across every panel and national attendance (100% − national overall absence) where a
 * figure is published: the full-year figure across its year's panel, the autumn-term one across the
 * autumn half-terms. Rows: the periods dataset (half-term, term and year grains).
 */
export function attendanceChart(rows: DataRow[], width: number, targetPercent: number): Element {
	const halfTerms = rows.filter((r) => r.grain === 'half_term');
	const years = yearsOf(halfTerms);
	const domain = halfTermDomain(halfTerms);
	const target = targetPercent / 100;
	const national = rows
		.filter((r) => (r.grain === 'year' || (r.grain === 'term' && r.term === 'Autumn')) && r.national_overall_absence_rate !== null)
		.filter((r) => years.includes(r.academic_year as string))
		.map((r) => {
			const own = halfTerms.filter((h) => h.academic_year === r.academic_year && (r.grain === 'year' || h.term === 'Autumn'));
			const xs = domain.filter((x) => own.some((h) => shortLabel(h.label as string) === x));
			const line: NationalLine = { ...r, attendance: 1 - (r.national_overall_absence_rate as number), x1: xs[0], x2: xs[xs.length - 1] };
			return line;
		})
		.filter((r) => r.x1 !== undefined);
	const yDomain = paddedDomain([...halfTerms.map((r) => r.attendance_rate as number), target, ...national.map((n) => n.attendance)]);
	const x = (r: DataRow) => shortLabel(r.label as string);
	const tip = (r: DataRow) =>
		`${r.label} ${r.academic_year}: attendance ${percent(r.attendance_rate as number)}\n` +
		`${(r.days_missed_per_pupil as number).toFixed(1)} days missed per pupil · ${count(r.pupils as number)} pupils\n${span(r)}`;
	return panelChart(width, {
		panels: years,
		height: { wide: 400, medium: 320, stacked: 200 },
		stackedMarginRight: 70,
		ariaLabel: `Attendance by half-term, ${years.join(', ')}, with the ${targetPercent}% target`,
		x: { domain, type: 'point', padding: 0.4, label: null },
		y: { domain: yDomain, grid: true, label: 'Attendance', ticks: percentTicks(yDomain), tickFormat: percentTick },
		marks: (panel) => [
			targetRule(target),
			Plot.ruleY(national, { ...panel('academic_year'), x1: 'x1', x2: 'x2', y: 'attendance', stroke: SERIES.national, strokeWidth: 2.5, strokeDasharray: '2 4' }),
			Plot.lineY(halfTerms, { ...panel('academic_year'), x, y: 'attendance_rate', stroke: SERIES.school, strokeWidth: 3 }),
			Plot.dot(halfTerms, { ...panel('academic_year'), x, y: 'attendance_rate', fill: SERIES.school, r: 5, stroke: 'white', strokeWidth: 1.5 }),
			Plot.text(halfTerms, { ...panel('academic_year'), x, y: 'attendance_rate', text: (r: DataRow) => percent(r.attendance_rate as number), dy: -14, ...VALUE_LABEL }),
			Plot.tip(halfTerms, Plot.pointer({ ...panel('academic_year'), x, y: 'attendance_rate', title: tip }))
		],
		key: [
			{ label: 'Attendance', colour: SERIES.school, shape: 'line' },
			targetKey(targetPercent),
			...(national.length ? [{ label: `National: ${national.map(nationalLabel).join(', ')}`, colour: SERIES.national, shape: 'dash' as const }] : [])
		]
	});
}
