import type { DataRow } from '$lib/arrow-client';
import { isWithheld } from '$lib/withheld';
import { cell, count, percent } from '$lib/catalog/format';
import { categoryBars } from './bars';
import { categoryLabel, codeOrder, sessions, shortMeaning } from './categories';

/** Sessions per code as horizontal bars coloured by category, each labelled with its sessions. */
export function codeTotals(rows: DataRow[], width: number): Element {
	const codes = codeOrder(rows);
	const byCode = new Map(rows.map((r) => [r.code as string, r]));
	return categoryBars(rows, {
		width,
		minWidth: 640,
		top: 30,
		marginLeft: 300,
		marginRight: 80,
		ariaLabel: 'Sessions recorded with each attendance code',
		y: { domain: codes, tickFormat: (c: string) => `${c}  ${shortMeaning(byCode.get(c)?.meaning, 40)}` },
		x: { label: 'Sessions' },
		bar: {
			y: 'code', x: 'sessions',
			title: (d) =>
				`${d.code}: ${d.meaning}\n${categoryLabel(d)}\n${cell(d, 'sessions', sessions)} · ${cell(d, 'pupils', (v) => count(v as number))} pupils` +
				(d.share_of_possible === null && !isWithheld(d, 'share_of_possible') ? '' : `\n${cell(d, 'share_of_possible', (v) => percent(v as number))} of possible sessions`)
		},
		label: (d) => count(d.sessions as number)
	});
}
