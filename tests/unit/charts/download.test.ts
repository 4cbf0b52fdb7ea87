// @vitest-environment jsdom
// Chart downloads (issue 16, part 4): the plot's main svg, never a legend's swatch or ramp, saved with its
// title, legend and a source line; the CSV writes withheld figures as 'c'.
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { chartSvg, mainSvg, rowsToCsv } from '../../../src/lib/charts/download';
import { WITHHELD } from '../../../src/lib/withheld';

const data = [
	{ k: 'Present', v: 30 },
	{ k: 'Authorised absence', v: 12 }
];

function figure(legend: 'swatches' | 'ramp'): Element {
	const options = legend === 'swatches'
		? { ariaLabel: 'Sessions by kind', color: { legend: true }, marks: [Plot.barX(data, { x: 'v', y: 'k', fill: 'k' })] }
		: { ariaLabel: 'Sessions by kind', color: { legend: true, type: 'quantize' as const }, marks: [Plot.barX(data, { x: 'v', y: 'k', fill: 'v' })] };
	const box = document.createElement('div');
	box.append(Plot.plot({ ...options, width: 500, height: 200, document }));
	return box;
}

describe('chart downloads', () => {
	for (const legend of ['swatches', 'ramp'] as const) {
		it(`picks the plot, not its ${legend} legend, and saves title, legend, plot and source`, () => {
			const box = figure(legend);
			const first = box.querySelector('svg')!;
			expect(Number(first.getAttribute('width'))).toBeLessThan(400); // the bug: the first svg is the legend
			const main = mainSvg(box)!;
			expect(main.getAttribute('aria-label')).toBe('Sessions by kind');
			expect(main.getAttribute('width')).toBe('500');
			const out = chartSvg(box, 'Sessions by code', 'Source: Attendance Lens, school 140001, 2025/26.')!;
			expect(Number(out.getAttribute('width'))).toBeGreaterThanOrEqual(500);
			expect(Number(out.getAttribute('height'))).toBeGreaterThan(200);
			const text = out.textContent ?? '';
			expect(text).toContain('Sessions by code');
			expect(text).toContain('Source: Attendance Lens');
			expect(out.querySelector('svg[aria-label="Sessions by kind"]')).not.toBeNull();
			if (legend === 'swatches') expect(text).toContain('Authorised absence');
			else expect(out.querySelectorAll('svg').length).toBe(2); // the ramp (its quantize swatches, drawn without canvas), then the plot
		});
	}

	it('writes withheld figures as c in the CSV, and nothing else changed', () => {
		const rows = [
			{ code: 'I', sessions: 876, pupils: 40, [WITHHELD]: null },
			{ code: 'R', sessions: null, pupils: null, [WITHHELD]: 'sessions,pupils' }
		];
		const csv = rowsToCsv(rows, [{ key: 'code', label: 'Code' }, { key: 'sessions', label: 'Sessions' }, { key: 'pupils', label: 'Pupils' }]);
		expect(csv.trim().split(/\r?\n/)).toEqual(['code,sessions,pupils', 'I,876,40', 'R,c,c']);
	});
});
