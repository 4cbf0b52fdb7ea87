import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { count, percent } from '$lib/catalog/format';
import { HEAT_SCHEME } from './palette';

/** Absence rate by weekday (columns) and session (rows) as a heat map with the rate in each cell. */
export function weekdayHeatmap(rows: DataRow[], width: number): Element {
	const rates = rows.map((r) => r.absence_rate as number);
	const middle = (Math.min(...rates) + Math.max(...rates)) / 2;
	return Plot.plot({
		width: Math.min(width, 640),
		height: 150,
		marginLeft: 40,
		ariaLabel: 'Absence rate by weekday and session',
		x: { domain: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], label: null },
		y: { domain: ['AM', 'PM'], label: null },
		color: { scheme: HEAT_SCHEME, legend: true, label: 'Absence rate', tickFormat: (d: number) => percent(d) },
		marks: [
			Plot.cell(rows, { x: 'weekday', y: 'session', fill: 'absence_rate', inset: 1, tip: true, title: (d: DataRow) => `${d.weekday} ${d.session}: ${percent(d.absence_rate as number)} of ${count(d.possible_sessions as number)} sessions` }),
			Plot.text(rows, { x: 'weekday', y: 'session', text: (d: DataRow) => percent(d.absence_rate as number), fill: (d: DataRow) => ((d.absence_rate as number) > middle ? 'white' : 'black') })
		]
	});
}
