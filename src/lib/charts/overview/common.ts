import type { DataRow } from '$lib/arrow-client';
import { longDate } from '$lib/format';

/** A fraction as a percentage with one decimal. */
export const pct = (f: number | null | undefined) => (f === null || f === undefined ? '–' : `${(f * 100).toFixed(1)}%`);

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

/** An axis tick as a percentage: whole numbers bare ("94%"), halves with their decimal ("94.5%"). */
export const tickPercent = (d: number) => `${Number((d * 100).toFixed(1))}%`;

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

/** An HTML key (no SVG, so the card's SVG download finds the chart itself) and the chart, in one element. */
export function withKey(chart: Element, items: { label: string; colour: string; shape: 'line' | 'dash' | 'dot' | 'box' }[]): Element {
	const wrap = document.createElement('div');
	const key = document.createElement('ul');
	key.className = 'overview-key';
	key.setAttribute('style', 'display:flex;flex-wrap:wrap;gap:0.4rem 1.4rem;list-style:none;margin:0 0 0.4rem;padding:0;font-size:1rem;color:#1b1f24');
	for (const item of items) {
		const li = document.createElement('li');
		const swatch = document.createElement('span');
		swatch.setAttribute('aria-hidden', 'true');
		const base = 'display:inline-block;vertical-align:middle;margin-right:0.45rem;';
		const style = {
			line: `${base}width:1.6rem;height:0;border-top:3px solid ${item.colour}`,
			dash: `${base}width:1.6rem;height:0;border-top:3px dashed ${item.colour}`,
			dot: `${base}width:0.8rem;height:0.8rem;border-radius:50%;background:${item.colour}`,
			box: `${base}width:0.9rem;height:0.9rem;background:${item.colour}`
		}[item.shape];
		swatch.setAttribute('style', style);
		li.append(swatch, item.label);
		key.append(li);
	}
	wrap.append(key, chart);
	return wrap;
}

/**
 * Panels side by side on wide screens (fx), stacked on narrow ones (fy): the facet channel for a mark,
 * the facet scale's options and the plot's height.
 */
export function panels(width: number, count: number, wideHeight: number, narrowPanel: number) {
	const narrow = width < 640;
	return {
		narrow,
		channel: (value: string | ((r: DataRow) => string)) => (narrow ? { fy: value } : { fx: value }),
		scale: (domain: string[]) =>
			narrow ? { fy: { domain, label: null, padding: 0.2, axis: 'right' as const } } : { fx: { domain, label: null, padding: 0.06, axis: 'top' as const } },
		height: narrow ? narrowPanel * count + 60 : wideHeight
	};
}
