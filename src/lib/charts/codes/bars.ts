import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { categoryColour, categoryLabel } from '../categories';

/** What a chart of category bars draws: the rows, their scales and the words of each bar. */
export interface CategoryBars<T extends DataRow> {
	/** The widest the card allows, and the least the labels need (the card scrolls sideways below it). */
	width: number;
	minWidth: number;
	/** The height above the bars (axis and legend); each bar takes 22 px more. */
	top: number;
	marginLeft: number;
	marginRight: number;
	ariaLabel: string;
	/** The bars' band scale (its domain and tick labels) and their value scale (its label, domain). */
	y: Plot.ScaleOptions;
	x: Plot.ScaleOptions;
	/** Each bar's band and value, its opacity, its tip. */
	bar: { y: string | ((d: T) => string); x: string; fillOpacity?: (d: T) => number; title: (d: T) => string };
	/** The figure written after each bar. */
	label: (d: T) => string;
	/** Reference lines drawn over the bars, before the zero line. */
	rules?: Plot.Markish[];
}

/**
 * Horizontal bars, one per row, coloured by the code's category (with the categories' legend), the value
 * axis on top with its grid, each bar's figure written after its end and a tip with its words.
 */
export function categoryBars<T extends DataRow>(rows: T[], o: CategoryBars<T>): Element {
	return Plot.plot({
		width: Math.max(o.width, o.minWidth),
		height: o.top + rows.length * 22,
		marginLeft: o.marginLeft,
		marginRight: o.marginRight,
		ariaLabel: o.ariaLabel,
		y: { label: null, ...o.y },
		x: { grid: true, axis: 'top', ...o.x },
		color: categoryColour(),
		marks: [
			Plot.barX(rows, { y: o.bar.y, x: o.bar.x, fill: categoryLabel, fillOpacity: o.bar.fillOpacity, tip: true, title: o.bar.title }),
			Plot.text(rows, { y: o.bar.y, x: o.bar.x, text: o.label, textAnchor: 'start', dx: 4 }),
			...(o.rules ?? []),
			Plot.ruleX([0])
		]
	});
}
