import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { cell, count, longDate } from '$lib/catalog/format';
import { shortYearGroup } from '../labels';
import { CATEGORY_COLOURS } from '../palette';

const KEYS = { G: 'G: holiday not authorised', H: 'H: holiday authorised (before 19 Aug 2024)' };
const colour = { domain: [KEYS.G, KEYS.H], range: [CATEGORY_COLOURS.unauthorised, CATEGORY_COLOURS.authorised], legend: true };
const key = (d: DataRow) => KEYS[d.code as 'G' | 'H'] ?? String(d.code);

/** Term-time holiday sessions per school week, G and H stacked. */
export function holidaysWeekly(rows: DataRow[], width: number): Element {
	const data = rows.map((r) => ({ ...r, weekDate: new Date(`${r.week}T00:00:00Z`) }));
	return Plot.plot({
		width,
		height: 260,
		marginLeft: 50,
		ariaLabel: 'Holiday sessions in term time per week, G and H',
		x: { type: 'utc', label: null },
		y: { grid: true, label: 'Sessions' },
		color: colour,
		marks: [
			Plot.rectY(data, {
				x: 'weekDate', interval: 'monday', y: 'sessions', fill: key, insetLeft: 0.5, insetRight: 0.5, tip: true,
				title: (d: DataRow) => `Week of ${longDate(d.week as string)}\n${key(d)}\n${cell(d, 'sessions', String)} sessions · ${cell(d, 'pupils', String)} pupil${d.pupils === 1 ? '' : 's'}`
			}),
			Plot.ruleY([0])
		]
	});
}

/** Term-time holiday sessions per 100 possible sessions by year group, G and H side by side. */
export function holidaysYearGroup(rows: DataRow[], width: number): Element {
	const groups = [...new Set(rows.map((r) => r.year_group as string))];
	const keys = [...new Set(rows.map(key))];
	return Plot.plot({
		width,
		height: 260,
		marginLeft: 50,
		marginTop: 30,
		ariaLabel: 'Holiday sessions per 100 possible sessions by year group',
		fx: { domain: groups, label: null, padding: 0.15, tickFormat: shortYearGroup },
		x: { domain: keys, axis: null },
		y: { grid: true, label: 'Sessions per 100 possible' },
		color: colour,
		marks: [
			Plot.barY(rows, {
				fx: 'year_group', x: key, y: 'per_100', fill: key, tip: true,
				title: (d: DataRow) =>
					`${d.year_group} · ${key(d)}\n${(d.per_100 as number).toFixed(2)} per 100 possible sessions\n` +
					`${cell(d, 'sessions', (v) => count(v as number))} sessions · ${cell(d, 'pupils', String)} of ${cell(d, 'pupils_on_roll', String)} pupils`
			}),
			Plot.text(rows, { fx: 'year_group', x: key, y: 'per_100', text: (d: DataRow) => cell(d, 'pupils', String), dy: -7, fontSize: 10 }),
			Plot.ruleY([0])
		]
	});
}
