import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { DIMENSION_LABELS } from '$lib/filters';
import { cell, count, percent } from '$lib/catalog/format';
import { categoryBars } from './bars';
import { shortMeaning } from './categories';

/** The chart draws the first rows (highest ratios); the table has them all. */
export const UNUSUAL_SHOWN = 30;

/** "Year 11 · S Leave of absence to sit…"; ethnic groups say so ("White (ethnicity)"). */
export const unusualLabel = (d: DataRow) =>
	`${d.group_value}${d.dimension === 'ethnicity' ? ' (ethnicity)' : ''} · ${d.code} ${shortMeaning(d.meaning, 24)}`;

/**
 * Codes used unusually often by one group: a bar per (group, code) for how many times the rest's share the
 * group's share is; a code only that group has is drawn paler to the end of the axis and marked "no one else".
 * The first UNUSUAL_SHOWN rows only.
 */
export function unusualBars(all: DataRow[], width: number): Element {
	const rows = all.slice(0, UNUSUAL_SHOWN);
	const finite = rows.filter((r) => r.ratio !== null).map((r) => r.ratio as number);
	const end = Math.max(2, ...finite) * 1.1;
	const data: DataRow[] = rows.map((r) => ({ ...r, shown: r.ratio === null ? end : (r.ratio as number) }));
	return categoryBars(data, {
		width,
		minWidth: 660,
		top: 40,
		marginLeft: 330,
		marginRight: 130,
		ariaLabel: 'Codes used unusually often by one group, as a multiple of the rest of the pupils',
		y: { domain: data.map(unusualLabel) },
		x: { label: 'Times the rest of the pupils’ share', domain: [0, end] },
		bar: {
			y: unusualLabel, x: 'shown', fillOpacity: (d) => (d.ratio === null ? 0.45 : 1),
			title: (d) =>
				`${DIMENSION_LABELS[d.dimension as string] ?? d.dimension}: ${d.group_value} (${cell(d, 'pupils', String)} pupils, ${cell(d, 'code_pupils', String)} with the code)\n${d.code}: ${d.meaning}\n` +
				`${cell(d, 'share', (v) => percent(v as number, 2))} of their possible sessions (${cell(d, 'sessions', (v) => count(v as number))})\n` +
				`${cell(d, 'rest_share', (v) => percent(v as number, 2))} for the other ${cell(d, 'rest_pupils', (v) => count(v as number))} pupils`
		},
		label: (d) => `${d.ratio === null ? 'no one else' : `${(d.ratio as number).toFixed(1)}×`} · ${d.code_pupils} pupil${d.code_pupils === 1 ? '' : 's'}`,
		rules: [Plot.ruleX([1], { stroke: '#555', strokeDasharray: '3 3' })]
	});
}
