import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { SERIES } from '../palette';
import { count, percent } from '$lib/catalog/format';

/** Absence rate by week of the half-term, as bars with the rate on each; the dashed line (named in the caption) is the whole range. */
export function weekOfTermBars(rows: DataRow[], width: number): Element {
	const absent = rows.reduce((s, r) => s + (r.absent_sessions as number), 0);
	const possible = rows.reduce((s, r) => s + (r.possible_sessions as number), 0);
	const overall = possible ? absent / possible : 0;
	return Plot.plot({
		width,
		height: 280,
		marginLeft: 50,
		marginTop: 30,
		ariaLabel: 'Absence rate by week of the half-term',
		caption: `Dashed line: all weeks together, ${percent(overall)}.`,
		x: { label: 'Week of the half-term', tickFormat: (d: number) => `Week ${d}`, padding: 0.25 },
		y: { grid: true, label: 'Absence rate', tickFormat: (d: number) => percent(d, 0) },
		marks: [
			Plot.barY(rows, {
				x: 'week_of_term', y: 'absence_rate', fill: SERIES.school, tip: true,
				title: (d: DataRow) =>
					`Week ${d.week_of_term}: ${percent(d.absence_rate as number)}\n` +
					`${count(d.absent_sessions as number)} of ${count(d.possible_sessions as number)} sessions\n` +
					`${d.half_terms} half-term${d.half_terms === 1 ? '' : 's'} · ${d.school_days} school days`
			}),
			Plot.text(rows, { x: 'week_of_term', y: 'absence_rate', text: (d: DataRow) => percent(d.absence_rate as number), dy: -8, fontSize: 11, fill: 'black', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
			Plot.ruleY([overall], { stroke: '#555', strokeDasharray: '4 3' }),
			Plot.ruleY([0])
		]
	});
}
