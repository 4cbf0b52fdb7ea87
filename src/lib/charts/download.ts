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
	const { width, height } = svg.getBoundingClientRect();
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
