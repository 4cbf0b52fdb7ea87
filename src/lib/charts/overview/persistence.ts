import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { cell, count, percent, percentTick } from '$lib/catalog/format';
import { CATEGORICAL } from '../palette';
import { halfTermDomain, panelChart, shortLabel, span, TEXT, yearsOf } from './common';

// figures withheld for small numbers show as 'c' (catalog/format cell)
const percentOf = (v: unknown) => percent(v as number);
const countOf = (v: unknown) => count(v as number);

const PERSISTENT = CATEGORICAL[1]; // orange
const SEVERE = CATEGORICAL[3]; // vermillion
const NATIONAL = TEXT.ink;

/**
 * Persistent (10%+ missed) and severe (50%+) absence by half-term, as the share of pupils with possible
 * sessions in each half-term, one panel per academic year. Severe absence is part of persistent absence,
 * so its bar stands inside the persistent bar. National persistent absence for the full year, where
 * published, is a dashed line across its year. Rows: the periods dataset (half-term and year grains).
 */
export function persistenceChart(rows: DataRow[], width: number): Element {
	const halfTerms = rows.filter((r) => r.grain === 'half_term');
	const years = yearsOf(halfTerms);
	const national = rows.filter((r) => r.grain === 'year' && r.national_persistent_percent !== null && years.includes(r.academic_year as string));
	const x = (r: DataRow) => shortLabel(r.label as string);
	const top = Math.max(0.05, ...halfTerms.map((r) => r.persistent_percent as number), ...national.map((r) => r.national_persistent_percent as number));
	const tip = (r: DataRow) =>
		`${r.label} ${r.academic_year}\nPersistent absence ${cell(r, 'persistent_percent', percentOf)} (${cell(r, 'persistent_pupils', countOf)} of ${cell(r, 'pupils', countOf)} pupils)\n` +
		`Severe absence ${cell(r, 'severe_percent', percentOf)} (${cell(r, 'severe_pupils', countOf)} pupils)\n${span(r)}`;
	return panelChart(width, {
		panels: years,
		height: { wide: 380, medium: 300, stacked: 190 },
		stackedMarginRight: 70,
		ariaLabel: `Persistent and severe absence by half-term, ${years.join(', ')}`,
		x: { domain: halfTermDomain(halfTerms), padding: 0.18, label: null },
		y: { domain: [0, Math.min(1, top * 1.18)], grid: true, label: 'Share of pupils', tickFormat: percentTick },
		marks: (panel, big) => [
			Plot.barY(halfTerms, { ...panel('academic_year'), x, y: 'persistent_percent', fill: PERSISTENT }),
			Plot.barY(halfTerms, { ...panel('academic_year'), x, y: 'severe_percent', fill: SEVERE, insetLeft: big ? 7 : 4, insetRight: big ? 7 : 4 }),
			Plot.ruleY([0]),
			Plot.ruleY(national, { ...panel('academic_year'), y: 'national_persistent_percent', stroke: NATIONAL, strokeWidth: 2, strokeDasharray: '2 4' }),
			Plot.text(halfTerms, {
				...panel('academic_year'), x, y: 'persistent_percent', text: (r: DataRow) => percent(r.persistent_percent as number),
				dy: -9, fill: TEXT.ink, fontWeight: 600, fontSize: big ? 13 : 10
			}),
			Plot.tip(halfTerms, Plot.pointer({ ...panel('academic_year'), x, y: 'persistent_percent', title: tip }))
		],
		key: [
			{ label: 'Persistent absence (10%+ of sessions missed)', colour: PERSISTENT, shape: 'box' },
			{ label: 'Severe absence (50%+)', colour: SEVERE, shape: 'box' },
			...(national.length
				? [{ label: `National persistent absence: ${national.map((r) => `${r.academic_year} ${percent(r.national_persistent_percent as number)}`).join(', ')}`, colour: NATIONAL, shape: 'dash' as const }]
				: [])
		]
	});
}
