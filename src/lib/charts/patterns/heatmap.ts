import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { HEAT_SCHEME } from '../palette';
import { count, percent } from '$lib/catalog/format';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

/** A split group's label with its pupils: "FSM eligible · 259 pupils". */
export function groupLabel(d: DataRow): string {
	const pupils = d.group_pupils as number;
	return `${d.split_group} · ${count(pupils)} pupil${pupils === 1 ? '' : 's'}`;
}

/** Groups in their dimension's order (sort key, then name). */
export function groupOrder(rows: DataRow[]): string[] {
	const seen = new Map<string, [number, string]>();
	for (const r of rows) seen.set(groupLabel(r), [r.split_sort as number, r.split_group as string]);
	return [...seen.entries()].sort((a, b) => a[1][0] - b[1][0] || a[1][1].localeCompare(b[1][1])).map(([label]) => label);
}

/**
 * Absence rate by weekday (columns) and session (rows) as a heat map, the rate in each cell; with the rows
 * split by a cohort dimension, one heat map per group (the same colour scale, so groups compare).
 */
export function weekdayHeatmap(rows: DataRow[], width: number): Element {
	const groups = groupOrder(rows);
	const split = groups.length > 1 || rows[0]?.split_group !== 'All pupils';
	const rates = rows.map((r) => r.absence_rate as number);
	const middle = (Math.min(...rates) + Math.max(...rates)) / 2;
	const data = rows.map((r) => ({ ...r, group: groupLabel(r) }));
	return Plot.plot({
		width: Math.min(width, split ? 820 : 640),
		height: split ? 40 + groups.length * 86 : 150,
		marginLeft: 40,
		marginRight: split ? 190 : 20,
		ariaLabel: split ? 'Absence rate by weekday and session for each group' : 'Absence rate by weekday and session',
		x: { domain: WEEKDAYS, label: null, axis: 'top' },
		y: { domain: ['AM', 'PM'], label: null },
		fy: split ? { domain: groups, label: null, axis: 'right' } : undefined,
		color: { scheme: HEAT_SCHEME, legend: true, label: 'Absence rate', tickFormat: (d: number) => percent(d) },
		marks: [
			Plot.cell(data, {
				x: 'weekday', y: 'session', fy: split ? 'group' : undefined, fill: 'absence_rate', inset: 1,
				tip: true,
				title: (d: DataRow) =>
					`${split ? `${d.split_group}\n` : ''}${d.weekday} ${d.session}: ${percent(d.absence_rate as number)}\n` +
					`${count(d.absent_sessions as number)} of ${count(d.possible_sessions as number)} possible sessions missed`
			}),
			Plot.text(data, {
				x: 'weekday', y: 'session', fy: split ? 'group' : undefined,
				text: (d: DataRow) => percent(d.absence_rate as number),
				fill: (d: DataRow) => ((d.absence_rate as number) > middle ? 'white' : 'black')
			})
		]
	});
}
