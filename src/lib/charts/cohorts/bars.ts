import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { cell, count, percent, pointsBetween } from '$lib/catalog/format';
import { isWithheld } from '$lib/withheld';
import { SERIES } from '../palette';
import { isSmall, MEASURES, scrollable, type Measure } from './measures';

export const REST_COLOUR = '#1b1f24';

/**
 * One dimension's groups as horizontal bars of the chosen measure, with a dark tick for the rest of
 * school and an orange tick for national (where published). Each bar links to the group's pupils;
 * the rate and the pupil count are written beside every bar, and small groups are drawn faint with a
 * dashed outline and say so.
 */
export function cohortBars(rows: DataRow[], width: number, measure: Measure, href: (d: DataRow) => string, title: string): Element {
	const m = MEASURES[measure];
	const value = (d: DataRow) => d[m.value] as number | null;
	const groups = rows.map((d) => d.value as string);
	const top = Math.max(0.05, ...rows.flatMap((d) => [value(d) ?? 0, (d[m.rest] as number) ?? 0, (d[m.national] as number) ?? 0]));
	const longest = Math.max(...groups.map((g) => g.length));
	// a governor's copy withholds small groups' pupils (null): 'c', the DfE's symbol
	const pupils = (d: DataRow) => (d.pupils === null ? 'c' : count(d.pupils as number));
	const label = (d: DataRow) => `${percent(value(d))}  ${pupils(d)} ${d.pupils === 1 ? 'pupil' : 'pupils'}${isSmall(d) ? ' ⚠' : ''}`;
	const describe = (d: DataRow) =>
		`${d.value}: ${m.label.toLowerCase()} ${cell(d, m.value, () => percent(value(d)))} (${pupils(d)} pupils${isSmall(d) ? ', a small group' : ''}); ` +
		`rest of school ${cell(d, m.rest, (v) => percent(v as number | null))}, ${isWithheld(d, m.rest) || isWithheld(d, m.value) ? 'c' : pointsBetween(value(d), d[m.rest] as number | null, 1, 'pts')}` +
		(d[m.national] === null ? '' : `; national ${percent(d[m.national] as number)} (${d[m.nationalPeriod]})`);
	const small = rows.filter(isSmall);
	const marginLeft = Math.min(170, 12 + longest * 7.2);
	return scrollable(Plot.plot({
		width: Math.max(width, marginLeft + 140 + 120),
		height: 36 + rows.length * 32,
		marginLeft,
		marginRight: 140,
		marginTop: 8,
		style: { fontSize: '12px' },
		ariaLabel: `${title}: ${m.label.toLowerCase()} by group, with the rest of school${rows.some((d) => d[m.national] !== null) ? ' and national' : ''}`,
		x: { domain: [0, top * 1.08], tickFormat: (f: number) => percent(f, 0), label: null, grid: true, ticks: Math.max(2, Math.floor(width / 120)) },
		y: { domain: groups, label: null, tickSize: 0 },
		marks: [
			Plot.barX(rows, {
				y: 'value', x: value, fill: SERIES.school, fillOpacity: (d: DataRow) => (isSmall(d) ? 0.3 : 1),
				insetTop: 4, insetBottom: 4, href, title: describe, ariaLabel: describe
			}),
			Plot.barX(small, { y: 'value', x: value, stroke: SERIES.school, strokeDasharray: '4,2', fill: 'none', insetTop: 4, insetBottom: 4, pointerEvents: 'none' }),
			Plot.tickX(rows.filter((d) => d[m.rest] !== null), { y: 'value', x: m.rest, stroke: REST_COLOUR, strokeWidth: 2.5, pointerEvents: 'none' }),
			Plot.dot(rows.filter((d) => d[m.national] !== null), { y: 'value', x: m.national, symbol: 'diamond', r: 5.5, fill: SERIES.national, stroke: 'white', strokeWidth: 1.5, pointerEvents: 'none' }),
			Plot.text(rows, { y: 'value', text: label, frameAnchor: 'right', textAnchor: 'start', dx: 8, fill: (d: DataRow) => (isSmall(d) ? '#7d5400' : 'currentColor'), fontVariant: 'tabular-nums' }),
			Plot.ruleX([0])
		]
	}));
}
