import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { cell, count, percent, pointsBetween } from '$lib/catalog/format';
import { isWithheld } from '$lib/withheld';
import { HEAT_SCHEME } from '../palette';
import { isSmall, MEASURES, scrollable, type Measure } from './measures';

/** Black or white, whichever contrasts more with the cell's colour (at least 4.5:1 either way). */
function textOn(rgb: string): 'black' | 'white' {
	const [r, g, b] = (rgb.match(/\d+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
		const c = Number(v) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? 'black' : 'white';
}

const ordered = (rows: DataRow[], value: string, sort: string) =>
	[...new Map(rows.map((d) => [d[value] as string, d[sort] as number])).entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([v]) => v);

/**
 * Two dimensions crossed as a heat map: rows × columns, each cell coloured by the chosen measure, with
 * the rate and the pupil count written in it; cells of fewer than 10 pupils are faded, outlined with
 * dashes and carry a ⚠. Each cell links to its pupils.
 */
export function crossedHeatmap(rows: DataRow[], width: number, measure: Measure, href: (d: DataRow) => string, names: { rows: string; cols: string }): Element {
	const m = MEASURES[measure];
	const xs = ordered(rows, 'col_value', 'col_sort_key');
	const ys = ordered(rows, 'row_value', 'row_sort_key');
	// the colours span the reliable cells (small cells, faded, are clamped to the ends)
	const reliable = rows.filter((d) => !isSmall(d));
	const values = (reliable.length ? reliable : rows).map((d) => (d[m.value] as number) ?? 0);
	const high = Math.max(0.01, ...values);
	const colour = Plot.scale({ color: { scheme: HEAT_SCHEME, domain: [0, high], clamp: true } });
	const ink = (d: DataRow) => (isSmall(d) ? 'black' : textOn(String(colour.apply(d[m.value] ?? 0))));
	const marginLeft = Math.min(180, 16 + Math.max(...ys.map((y) => y.length)) * 6.8);
	const cellWidth = Math.max(76, Math.min(150, (width - marginLeft - 10) / xs.length));
	// a governor's copy withholds small cells' pupils (null): 'c', the DfE's symbol
	const pupils = (d: DataRow) => (d.pupils === null ? 'c' : count(d.pupils as number));
	const describe = (d: DataRow) =>
		`${d.row_value} · ${d.col_value}: ${m.label.toLowerCase()} ${cell(d, m.value, (v) => percent(v as number))} (${pupils(d)} pupils${isSmall(d) ? ', a small group' : ''}); ` +
		`everyone else ${cell(d, m.rest, (v) => percent(v as number | null))}, ${isWithheld(d, m.value) || isWithheld(d, m.rest) ? 'c' : pointsBetween(d[m.value] as number | null, d[m.rest] as number | null, 1, 'pts')}`;
	return scrollable(Plot.plot({
		width: marginLeft + cellWidth * xs.length + 10,
		height: 80 + ys.length * 56,
		marginLeft,
		marginTop: 48,
		style: { fontSize: '12px' },
		ariaLabel: `${m.label} by ${names.rows.toLowerCase()} and ${names.cols.toLowerCase()}`,
		x: { domain: xs, label: null, axis: null },
		y: { domain: ys, label: null, tickSize: 0 },
		color: { scheme: HEAT_SCHEME, legend: true, label: m.label, tickFormat: (f: number) => percent(f), domain: [0, high], clamp: true },
		marks: [
			Plot.axisX({ anchor: 'top', tickSize: 0, lineWidth: Math.floor(cellWidth / 7.5), label: null }),
			Plot.cell(rows, { x: 'col_value', y: 'row_value', fill: m.value, fillOpacity: (d: DataRow) => (isSmall(d) ? 0.35 : 1), inset: 1.5, href, title: describe, ariaLabel: describe }),
			Plot.cell(rows.filter(isSmall), { x: 'col_value', y: 'row_value', fill: 'none', stroke: '#57606a', strokeWidth: 1.5, strokeDasharray: '4,3', inset: 2, pointerEvents: 'none' }),
			Plot.text(rows, {
				x: 'col_value', y: 'row_value', pointerEvents: 'none', lineHeight: 1.25, fontVariant: 'tabular-nums',
				text: (d: DataRow) => `${percent(d[m.value] as number)}\nn = ${pupils(d)}${isSmall(d) ? ' ⚠' : ''}`,
				fill: ink
			})
		]
	}));
}
