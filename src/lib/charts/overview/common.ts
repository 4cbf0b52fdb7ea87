import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { longDate, percent } from '$lib/catalog/format';
import { withKey, type KeyItem } from '../key';
import { SERIES } from '../palette';

/** The catalog's percent, under the name the Overview page imported it by (until it imports the catalog's). */
export const pct = percent;

/** Darker shades of the palette's target and national colours, for text (4.5:1 on white). */
export const TEXT = { school: '#005A8C', target: '#00664A', national: '#A33F00', ink: '#1b1f24', muted: '#57606a' } as const;

const ORDER = ['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2'];

/** 'Autumn 1' → 'Aut 1', 'Half-term 3' → 'HT 3' (axis labels). */
export function shortLabel(label: string): string {
	return label.replace(/^Autumn/, 'Aut').replace(/^Spring/, 'Spr').replace(/^Summer/, 'Sum').replace(/^Half-term/, 'HT');
}

/** The half-terms in the rows, in calendar order (named ones first, then numbered), as short labels. */
export function halfTermDomain(rows: DataRow[]): string[] {
	const rank = (l: string) => (ORDER.includes(l) ? ORDER.indexOf(l) : 100 + Number(l.replace(/\D/g, '') || 0));
	return [...new Set(rows.map((r) => r.label as string))].sort((a, b) => rank(a) - rank(b)).map(shortLabel);
}

/** The academic years in the rows, oldest first. */
export const yearsOf = (rows: DataRow[]) => [...new Set(rows.map((r) => r.academic_year as string))].sort();

/** "5 September 2025 to 24 October 2025" */
export const span = (r: DataRow) => `${longDate(r.start_date as string)} to ${longDate(r.end_date as string)}`;

const day = (iso: string, year: boolean) =>
	new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' });

/** "5 Sep – 24 Oct 2025", "5 Jan – 9 Feb 2024", "4 Sep 2023 – 19 Jul 2024" (tables). */
export function shortSpan(r: DataRow): string {
	const start = r.start_date as string | null;
	const end = r.end_date as string | null;
	if (!start || !end) return '–';
	return `${day(start, start.slice(0, 4) !== end.slice(0, 4))} – ${day(end, true)}`;
}

/** Whole-percent ticks across a domain (every 2 or 5 points when it is wide), for projected charts. */
export function percentTicks([lo, hi]: [number, number]): number[] {
	const span = (hi - lo) * 100;
	const step = span > 24 ? 5 : span > 10 ? 2 : 1;
	const ticks: number[] = [];
	for (let p = Math.ceil((lo * 100) / step) * step; p <= hi * 100 + 1e-9; p += step) ticks.push(p / 100);
	return ticks;
}

/** A y domain around the values (fractions), padded, in whole-percent steps, never above 100%. */
export function paddedDomain(values: (number | null | undefined)[], pad = 0.01): [number, number] {
	const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
	if (!v.length) return [0, 1];
	const lo = Math.max(0, Math.floor((Math.min(...v) - pad) * 100) / 100);
	const hi = Math.min(1, Math.ceil((Math.max(...v) + pad) * 100) / 100);
	return [lo, Math.max(hi, lo + 0.02)];
}

/** The school's target as a dashed line across the chart, and its entry in the key. */
export const targetRule = (target: number) => Plot.ruleY([target], { stroke: SERIES.target, strokeWidth: 2.5, strokeDasharray: '8 5' });
export const targetKey = (targetPercent: number): KeyItem => ({ label: `Target ${targetPercent}%`, colour: SERIES.target, shape: 'dash' });

/** A figure written above (or below) its point: bold dark text on a white halo. */
export const VALUE_LABEL = { fill: TEXT.ink, fontWeight: 600, stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' } as const;

/** The facet channel a mark takes in a panel chart: its panel by year or term (fx side by side, fy stacked). */
export type PanelChannel = (value: string | ((r: DataRow) => string)) => { fx: string | ((r: DataRow) => string) } | { fy: string | ((r: DataRow) => string) };

/** What an Overview chart of panels draws. */
export interface PanelChart {
	/** The panels, one per academic year or per term, in order. */
	panels: string[];
	/** The chart's height side by side on a wide card (720 px and more) and on a narrower one; each panel's stacked (under 640 px). */
	height: { wide: number; medium: number; stacked: number };
	/** Room on the right when stacked, for the panels' names. */
	stackedMarginRight: number;
	ariaLabel: string;
	x: Plot.ScaleOptions;
	y: Plot.ScaleOptions;
	/** The marks, given the panel channel and whether the card is wide (bigger type). */
	marks: (channel: PanelChannel, big: boolean) => Plot.Markish[];
	key: KeyItem[];
}

/**
 * An Overview chart: one framed panel per year or term, side by side on wide screens (fx) and stacked on
 * narrow ones (fy), at most 1,120 px wide, its key above it.
 */
export function panelChart(width: number, o: PanelChart): Element {
	const narrow = width < 640;
	const big = width >= 720;
	const channel: PanelChannel = (value) => (narrow ? { fy: value } : { fx: value });
	const chart = Plot.plot({
		width: Math.min(width, 1120),
		height: narrow ? o.height.stacked * o.panels.length + 60 : big ? o.height.wide : o.height.medium,
		marginLeft: 52,
		marginRight: narrow ? o.stackedMarginRight : 12,
		marginTop: 34,
		marginBottom: 36,
		ariaLabel: o.ariaLabel,
		style: { fontSize: big ? '15px' : '12px' },
		...(narrow
			? { fy: { domain: o.panels, label: null, padding: 0.2, axis: 'right' as const } }
			: { fx: { domain: o.panels, label: null, padding: 0.06, axis: 'top' as const } }),
		x: o.x,
		y: o.y,
		marks: [Plot.frame({ stroke: '#d0d7de' }), ...o.marks(channel, big)]
	});
	return withKey(chart, o.key);
}
