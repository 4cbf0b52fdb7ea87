import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { count, percent } from '$lib/catalog/format';
import { HEAT_SCHEME } from '../palette';
import { codeOrder } from './categories';

const share = (v: number) => (v === 0 ? '' : v < 0.0005 ? '<0.1%' : percent(v));

/**
 * A table heat map: one row per year group or form, one column per code, each cell the code's share of
 * the row's recorded sessions (or its sessions). Colour compares rows within a column: the darkest cell
 * is the row that uses that code most (as a share), so rare codes stand out as clearly as common ones.
 */
export function codeHeatTable(cells: 'share' | 'sessions') {
	return (rows: DataRow[], width: number): Element => {
		const codes = codeOrder(rows);
		const labels = [...new Map(rows.map((r) => [r.row_label as string, r])).values()]
			.sort((a, b) => (a.row_sort as number) - (b.row_sort as number) || String(a.row_label).localeCompare(String(b.row_label), 'en-GB', { numeric: true }));
		const found = new Map(rows.map((r) => [`${r.row_label}\u0000${r.code}`, r]));
		const meaning = new Map(rows.map((r) => [r.code as string, r.meaning as string]));
		const grid = labels.flatMap((l) =>
			codes.map((code) => {
				const r = found.get(`${l.row_label}\u0000${code}`);
				return { row: l.row_label as string, pupils: l.pupils as number, rowSessions: l.row_sessions as number, code, sessions: (r?.sessions as number) ?? 0, share: (r?.share as number) ?? 0 };
			})
		);
		const top = new Map<string, number>();
		for (const g of grid) top.set(g.code, Math.max(top.get(g.code) ?? 0, g.share));
		const data = grid.map((g) => ({ ...g, relative: top.get(g.code) ? g.share / top.get(g.code)! : 0 }));
		const longest = Math.max(...labels.map((l) => String(l.row_label).length));
		const marginLeft = Math.min(260, 20 + longest * 6.5);
		const plotWidth = Math.max(width, marginLeft + codes.length * 52);
		const figure = Plot.plot({
			width: plotWidth,
			height: 50 + labels.length * 26,
			marginLeft,
			ariaLabel: `Attendance codes by ${labels.length} rows: ${cells === 'share' ? 'share of recorded sessions' : 'sessions'} in each cell`,
			x: { domain: codes, axis: 'top', label: null, tickSize: 0 },
			y: { domain: labels.map((l) => l.row_label as string), label: null, tickSize: 0 },
			color: { scheme: HEAT_SCHEME, domain: [0, 1], legend: true, label: 'Share compared with the row that uses the code most', tickFormat: (d: number) => percent(d, 0) },
			marks: [
				Plot.cell(data, {
					x: 'code', y: 'row', fill: (d: (typeof data)[number]) => (d.sessions ? d.relative : null), inset: 0.5, tip: true,
					title: (d: (typeof data)[number]) =>
						`${d.row} · ${count(d.pupils)} pupils\n${d.code}: ${meaning.get(d.code)}\n` +
						`${count(d.sessions)} of ${count(d.rowSessions)} recorded sessions (${share(d.share) || '0%'})`
				}),
				Plot.cell(data.filter((d) => !d.sessions), { x: 'code', y: 'row', fill: '#f3f4f6', inset: 0.5 }),
				Plot.text(data, {
					x: 'code', y: 'row', fontSize: 10,
					text: (d: (typeof data)[number]) => (cells === 'share' ? share(d.share) : d.sessions ? count(d.sessions) : ''),
					fill: (d: (typeof data)[number]) => (d.relative > 0.55 ? 'white' : 'black')
				})
			]
		});
		const scroller = document.createElement('div');
		scroller.style.overflowX = 'auto';
		scroller.tabIndex = 0;
		scroller.setAttribute('role', 'group');
		scroller.setAttribute('aria-label', 'Code heat map (scrolls sideways)');
		scroller.append(figure);
		return scroller;
	};
}
