import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { count, percent, roundPercent } from '$lib/catalog/format';
import { withKey } from '../key';

/** The two lines: pupils given the intervention, and their matched comparison pupils. */
export const GROUP_COLOURS = { treated: '#0072B2', comparison: '#D55E00' } as const;
export const GROUP_LABELS = { treated: 'Pupils given the intervention', comparison: 'Their comparison group' } as const;

const weekLabel = (w: number) => (w < 0 ? `${-w} wk before` : `wk ${w + 1} from start`);
/** " (95% band 13.4–19.4%)", or nothing for a week without one (a single pupil). */
const band = (r: DataRow) =>
	r.low === null || r.high === null ? '' : ` (95% band ${roundPercent(r.low as number).toFixed(1)}–${percent(r.high as number)})`;

/**
 * The event study of one intervention type: mean absence rate of the treated pupils and of their
 * comparison group in each school week (5 school days) from 10 weeks before the start to 10 weeks
 * after, with shaded 95% bands. Week 0 starts on the start day; the dashed rule marks the start.
 * Rows: the impact weeks dataset for one type (week, group, mean, low, high, pupils).
 */
export function eventStudyChart(rows: DataRow[], width: number, type: string): Element {
	const big = width >= 720;
	const ymax = Math.max(0.05, ...rows.map((r) => (r.high as number | null) ?? (r.mean as number)));
	const colour = (r: DataRow) => GROUP_COLOURS[r.group as keyof typeof GROUP_COLOURS];
	const tip = (r: DataRow) =>
		`${GROUP_LABELS[r.group as keyof typeof GROUP_LABELS]}, ${weekLabel(r.week as number)}\n` +
		`absence ${percent(r.mean as number)}${band(r)} · ${count(r.pupils as number)} pupil${r.pupils === 1 ? '' : 's'}`;
	const chart = Plot.plot({
		width: Math.min(width, 1000),
		height: big ? 380 : 300,
		marginLeft: 52,
		marginBottom: 44,
		ariaLabel: `Absence of pupils given ${type} and of their comparison group, 10 school weeks before to 10 after the start`,
		style: { fontSize: big ? '14px' : '12px' },
		x: { domain: [-10.5, 10.5], label: 'School weeks from the start (week 0 begins on the start day)', ticks: [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10] },
		y: { domain: [0, ymax * 1.08], grid: true, label: 'Absence rate', tickFormat: (d: number) => percent(d, 0) },
		marks: [
			Plot.areaY(rows, { x: 'week', y1: 'low', y2: 'high', z: 'group', fill: colour, fillOpacity: 0.18, curve: 'linear' }),
			Plot.ruleX([-0.5], { stroke: '#57606a', strokeWidth: 2, strokeDasharray: '6 4' }),
			Plot.text([{ x: -0.5 }], { x: 'x', frameAnchor: 'top', text: () => 'start', dx: 6, textAnchor: 'start', fill: '#1b1f24' }),
			Plot.lineY(rows, { x: 'week', y: 'mean', z: 'group', stroke: colour, strokeWidth: 3 }),
			Plot.dot(rows, { x: 'week', y: 'mean', fill: colour, r: 3.5, stroke: 'white', strokeWidth: 1 }),
			Plot.tip(rows, Plot.pointer({ x: 'week', y: 'mean', title: tip }))
		]
	});
	return withKey(chart, [
		{ label: GROUP_LABELS.treated, colour: GROUP_COLOURS.treated, shape: 'line' },
		{ label: GROUP_LABELS.comparison, colour: GROUP_COLOURS.comparison, shape: 'line' },
		{ label: 'Shading: 95% confidence band', colour: '#bbbbbb', shape: 'box' }
	]);
}
