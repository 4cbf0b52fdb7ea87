import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { percent } from '$lib/format';
import { categoryColour, categoryLabel, codeOrder, sessions, shortMeaning } from './categories';

/** Sessions per code as horizontal bars coloured by category, each labelled with its sessions. */
export function codeTotals(rows: DataRow[], width: number): Element {
	const codes = codeOrder(rows);
	const byCode = new Map(rows.map((r) => [r.code as string, r]));
	return Plot.plot({
		width: Math.max(width, 640),
		height: 30 + codes.length * 22,
		marginLeft: 300,
		marginRight: 80,
		ariaLabel: 'Sessions recorded with each attendance code',
		y: { domain: codes, label: null, tickFormat: (c: string) => `${c}  ${shortMeaning(byCode.get(c)?.meaning, 40)}` },
		x: { label: 'Sessions', grid: true, axis: 'top' },
		color: categoryColour(),
		marks: [
			Plot.barX(rows, {
				y: 'code', x: 'sessions', fill: categoryLabel, tip: true,
				title: (d: DataRow) =>
					`${d.code}: ${d.meaning}\n${categoryLabel(d)}\n${sessions(d.sessions)} · ${(d.pupils as number).toLocaleString('en-GB')} pupils` +
					(d.share_of_possible === null ? '' : `\n${percent(d.share_of_possible as number)} of possible sessions`)
			}),
			Plot.text(rows, { y: 'code', x: 'sessions', text: (d: DataRow) => (d.sessions as number).toLocaleString('en-GB'), textAnchor: 'start', dx: 4 }),
			Plot.ruleX([0])
		]
	});
}
