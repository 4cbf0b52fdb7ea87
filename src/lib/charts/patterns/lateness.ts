import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { count } from '$lib/catalog/format';
import { shortYearGroup } from '../labels';
import { CATEGORY_COLOURS } from '../palette';

const KINDS = ['L: late before registers closed', 'U: late after registers closed'];
const one = (d: number) => d.toFixed(1);

/**
 * Late sessions per 100 possible sessions, L and U side by side, for each weekday or year group
 * (`key` names the column), with sessions and average minutes late in the tooltips.
 */
export function latenessBars(key: 'weekday' | 'year_group') {
	return (rows: DataRow[], width: number): Element => {
		const groups = rows.map((r) => r[key] as string);
		const long = rows.flatMap((r) => [
			{ group: r[key], kind: KINDS[0], per100: r.late_per_100, sessions: r.late_sessions, minutes: r.avg_minutes_late, possible: r.possible_sessions },
			{ group: r[key], kind: KINDS[1], per100: r.late_after_close_per_100, sessions: r.late_after_close_sessions, minutes: r.avg_minutes_after_close, possible: r.possible_sessions }
		]);
		return Plot.plot({
			width: Math.min(width, 110 + groups.length * 90),
			height: 280,
			marginLeft: 50,
			marginTop: 30,
			marginBottom: 30,
			ariaLabel: `Late sessions per 100 possible sessions by ${key === 'weekday' ? 'weekday' : 'year group'}`,
			fx: { domain: groups, label: null, padding: 0.15, tickFormat: key === 'year_group' ? shortYearGroup : undefined },
			x: { domain: KINDS, axis: null, padding: 0.05 },
			y: { grid: true, label: 'Late sessions per 100 possible' },
			color: { domain: KINDS, range: [CATEGORY_COLOURS.present, CATEGORY_COLOURS.unauthorised], legend: true },
			marks: [
				Plot.barY(long, {
					fx: 'group', x: 'kind', y: 'per100', fill: 'kind', tip: true,
					title: (d: (typeof long)[number]) =>
						`${d.group} · ${d.kind}\n${one(d.per100 as number)} per 100 possible sessions\n` +
						`${count(d.sessions as number)} of ${count(d.possible as number)} sessions` +
						(d.minutes === null || d.minutes === undefined ? '' : `\naverage ${Math.round(d.minutes as number)} minutes late`)
				}),
				Plot.text(long, { fx: 'group', x: 'kind', y: 'per100', text: (d: (typeof long)[number]) => one(d.per100 as number), dy: -7, fontSize: 10 }),
				Plot.ruleY([0])
			]
		});
	};
}
