import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { count, longDate } from '$lib/catalog/format';
import { categoryColour, categoryLabel, codeOrder, shortMeaning } from './categories';

/**
 * How each code is used week by week: one strip per code (grouped by category, coloured by it), each
 * scaled to its own busiest week so that rare codes show their shape too; the right edge gives the
 * code's total and its busiest week. Weeks without school (holidays) are gaps.
 */
export function codeWeekly(rows: DataRow[], width: number): Element {
	const codes = codeOrder(rows);
	const peak = new Map<string, number>();
	const total = new Map<string, number>();
	const meaning = new Map<string, string>();
	for (const r of rows) {
		const c = r.code as string;
		peak.set(c, Math.max(peak.get(c) ?? 0, r.sessions as number));
		total.set(c, (total.get(c) ?? 0) + (r.sessions as number));
		meaning.set(c, r.meaning as string);
	}
	const data = rows.map((r) => ({ ...r, weekDate: new Date(`${r.week}T00:00:00Z`), scaled: (r.sessions as number) / (peak.get(r.code as string) || 1) }));
	const summary = codes.map((code) => ({ code, text: `${count(total.get(code))} · peak ${count(peak.get(code))}/wk` }));
	return Plot.plot({
		width: Math.max(width, 640),
		height: 60 + codes.length * 34,
		marginLeft: 250,
		marginRight: 165,
		marginTop: 30,
		ariaLabel: 'Sessions per week for each attendance code, each scaled to its own busiest week',
		fy: { domain: codes, label: null, padding: 0.15, tickFormat: (c: string) => `${c}  ${shortMeaning(meaning.get(c), 32)}` },
		y: { axis: null, domain: [0, 1] },
		x: { type: 'utc', label: null, axis: 'top', grid: true },
		color: categoryColour(),
		marks: [
			Plot.frame({ stroke: '#e4e7eb', anchor: 'bottom' }),
			Plot.rectY(data, { x: 'weekDate', interval: 'monday', y: 'scaled', fy: 'code', fill: categoryLabel, insetLeft: 0.5, insetRight: 0.5 }),
			Plot.text(summary, { fy: 'code', frameAnchor: 'right', textAnchor: 'start', dx: 8, text: 'text', fontSize: 11, fill: '#333' }),
			Plot.tip(data, Plot.pointerX({
				x: 'weekDate', y: 'scaled', fy: 'code',
				title: (d: DataRow & { weekDate: Date }) =>
					`${d.code}: ${d.meaning}\n${categoryLabel(d)}\nWeek of ${longDate(d.week as string)}: ${count(d.sessions as number)} sessions (${d.school_days} school days)`
			}))
		]
	});
}
