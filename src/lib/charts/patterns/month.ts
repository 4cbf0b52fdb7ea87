import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { CATEGORICAL, SERIES } from '../palette';
import { count, percent } from '$lib/catalog/format';
import { groupLabel, groupOrder } from './heatmap';

/**
 * Absence rate by calendar month: one line for all pupils with each month's rate written on it, or one
 * coloured line per group when the view is split by a cohort dimension (legend with pupil counts).
 */
export function monthLines(rows: DataRow[], width: number): Element {
	const groups = groupOrder(rows);
	const split = groups.length > 1 || rows[0]?.split_group !== 'All pupils';
	const months = [...new Map(rows.map((r) => [r.month as string, r.month_label as string])).entries()]
		.sort((a, b) => a[0].localeCompare(b[0]))
		.map(([, label]) => label);
	const data = rows.map((r) => ({ ...r, group: groupLabel(r) }));
	const colours = split ? CATEGORICAL : [SERIES.school];
	const tip = (d: DataRow) =>
		`${split ? `${d.split_group}\n` : ''}${d.month_label}: ${percent(d.absence_rate as number)}\n` +
		`${count(d.absent_sessions as number)} of ${count(d.possible_sessions as number)} sessions · ${d.school_days} school days`;
	return Plot.plot({
		width,
		height: 300,
		marginLeft: 50,
		ariaLabel: split ? 'Absence rate by month for each group' : 'Absence rate by month',
		x: { domain: months, label: null, type: 'point', padding: 0.3 },
		y: { grid: true, label: 'Absence rate', tickFormat: (d: number) => percent(d, 0), zero: true },
		color: { domain: groups, range: colours, legend: split },
		marks: [
			Plot.ruleY([0]),
			Plot.lineY(data, { x: 'month_label', y: 'absence_rate', stroke: 'group', strokeWidth: 2 }),
			Plot.dot(data, { x: 'month_label', y: 'absence_rate', fill: 'group', r: 3.5, tip: true, title: tip }),
			split ? null : Plot.text(data, { x: 'month_label', y: 'absence_rate', text: (d: DataRow) => percent(d.absence_rate as number), dy: -12, fontSize: 11 })
		]
	});
}
