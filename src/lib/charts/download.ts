import type { DataRow } from '$lib/arrow-client';
import { toCsv } from '$lib/csv';
import { isWithheld, WITHHELD } from '$lib/withheld';

export interface Column {
	key: string;
	label: string;
	/** How the table shows a value (the CSV keeps it unformatted). */
	format?: (value: DataRow[string], row: DataRow) => string;
	numeric?: boolean;
}

function save(blob: Blob, filename: string): void {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function rowsToCsv(rows: DataRow[], columns: Column[]): string {
	// figures withheld for small numbers are written as 'c', the DfE's symbol
	const shown = rows.map((row) => (row[WITHHELD] ? Object.fromEntries(columns.map((c) => [c.key, isWithheld(row, c.key) ? 'c' : row[c.key]])) : row));
	return toCsv(shown, columns.map((c) => c.key));
}

export function downloadCsv(rows: DataRow[], columns: Column[], filename: string): void {
	save(new Blob([rowsToCsv(rows, columns)], { type: 'text/csv' }), `${filename}.csv`);
}

function svgText(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	if (!copy.getAttribute('style')?.includes('background')) copy.style.background = 'white';
	return new XMLSerializer().serializeToString(copy);
}

export function downloadSvg(svg: SVGSVGElement, filename: string): void {
	save(new Blob([svgText(svg)], { type: 'image/svg+xml' }), `${filename}.svg`);
}

export async function downloadPng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
	const box = svg.getBoundingClientRect();
	const width = Number(svg.getAttribute('width')) || box.width;
	const height = Number(svg.getAttribute('height')) || box.height;
	const image = new Image();
	const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
	await new Promise<void>((resolve, reject) => {
		image.onload = () => resolve();
		image.onerror = () => reject(new Error('could not draw the chart'));
		image.src = url;
	});
	const canvas = document.createElement('canvas');
	canvas.width = Math.ceil(width * scale);
	canvas.height = Math.ceil(height * scale);
	const context = canvas.getContext('2d')!;
	context.fillStyle = 'white';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.drawImage(image, 0, 0, canvas.width, canvas.height);
	URL.revokeObjectURL(url);
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (blob) save(blob, `${filename}.png`);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The plot itself among a figure's svgs: the one Plot labelled (ariaLabel), else the largest; never a legend's swatch or ramp. */
export function mainSvg(root: Element | null | undefined): SVGSVGElement | null {
	if (!root) return null;
	const svgs = [...root.querySelectorAll('svg')].filter((s) => !s.closest('[class$="-swatches"], [class*="-swatches "]') && !/-ramp\b/.test(s.getAttribute('class') ?? ''));
	const area = (s: SVGSVGElement) => Number(s.getAttribute('width') ?? 0) * Number(s.getAttribute('height') ?? 0);
	return svgs.find((s) => s.hasAttribute('aria-label') && area(s) > 0) ?? svgs.sort((a, b) => area(b) - area(a))[0] ?? null;
}

const el = (name: string, attributes: Record<string, string | number>, text?: string) => {
	const node = document.createElementNS(SVG_NS, name);
	for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
	if (text !== undefined) node.textContent = text;
	return node;
};

/**
 * The chart as one standalone svg: its title, its legend (swatches drawn as squares with their labels, a
 * colour ramp as it is), the plot, and a source line under it.
 */
export function chartSvg(root: Element, title: string, source: string): SVGSVGElement | null {
	const plot = mainSvg(root);
	if (!plot) return null;
	const width = Number(plot.getAttribute('width')) || plot.getBoundingClientRect().width || 640;
	const plotHeight = Number(plot.getAttribute('height')) || plot.getBoundingClientRect().height || 400;
	const pad = 10;
	const out = el('svg', { xmlns: SVG_NS, width: width + 2 * pad, style: 'background: white; font-family: system-ui, sans-serif' }) as SVGSVGElement;
	out.append(el('rect', { width: '100%', height: '100%', fill: 'white' }));
	let y = pad;
	out.append(el('text', { x: pad, y: y + 16, 'font-size': 16, 'font-weight': 700, fill: '#111' }, title));
	y += 28;
	// swatch legends: a coloured square and its label each, laid out in rows
	let x = pad;
	const swatches = [...root.querySelectorAll('[class$="-swatch"], [class*="-swatch "]')].filter((s) => s.querySelector('svg'));
	for (const swatch of swatches) {
		const icon = swatch.querySelector('svg')!;
		const colour = icon.getAttribute('fill') ?? icon.querySelector('[fill]')?.getAttribute('fill') ?? '#888';
		const label = (swatch.textContent ?? '').trim();
		const step = 22 + label.length * 7;
		if (x > pad && x + step > width) { x = pad; y += 20; }
		out.append(el('rect', { x, y, width: 13, height: 13, fill: colour }), el('text', { x: x + 18, y: y + 11, 'font-size': 12, fill: '#333' }, label));
		x += step;
	}
	if (swatches.length) y += 22;
	// ramp legends (and any other legend svg), as they are
	for (const ramp of root.querySelectorAll('svg')) {
		if (ramp === plot || ramp.closest('[class$="-swatch"], [class*="-swatch "]')) continue;
		const copy = ramp.cloneNode(true) as SVGSVGElement;
		const h = Number(ramp.getAttribute('height')) || 50;
		copy.setAttribute('x', String(pad));
		copy.setAttribute('y', String(y));
		out.append(copy);
		y += h + 4;
	}
	const chart = plot.cloneNode(true) as SVGSVGElement;
	chart.setAttribute('x', String(pad));
	chart.setAttribute('y', String(y));
	out.append(chart);
	y += plotHeight + 6;
	out.append(el('text', { x: pad, y: y + 12, 'font-size': 11, fill: '#555' }, source));
	y += 20 + pad;
	out.setAttribute('height', String(y));
	out.setAttribute('viewBox', `0 0 ${width + 2 * pad} ${y}`);
	return out;
}
