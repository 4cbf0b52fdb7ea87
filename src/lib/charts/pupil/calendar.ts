import * as Plot from '@observablehq/plot';
import type { DataRow } from '$lib/arrow-client';
import { dayDate } from '$lib/catalog/format';
import { categoryColour, categoryLabel } from '../categories';
import { day, textOn } from './categories';

interface Half {
	month: string;
	dayOfMonth: number;
	row: DataRow;
	am: boolean;
}

const monthLabel = (iso: string) => day(iso).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The words of a mark for the tooltip: "Wed, 4 Sept 2024 AM: L, Late before registers closed (10 minutes late)". */
export function markTitle(r: DataRow): string {
	const late = r.minutes_late ? ` (${r.minutes_late} minutes late)` : '';
	return `${dayDate(r.date)} ${r.session}: ${r.code}, ${r.meaning}${late}${r.amended ? ' · amended' : ''}`;
}

/**
 * Every session mark of one pupil as a calendar: one row per month, one column per day of the month,
 * each school day split into its morning (left half) and afternoon (right half), coloured by the code's
 * category, with the code written on every mark but the plain present marks (/ and \). Weekends shaded.
 */
export function markCalendar(rows: DataRow[], width: number): Element {
	const months = [...new Set(rows.map((r) => (r.date as string).slice(0, 7)))].sort();
	const labels = new Map(months.map((m) => [m, monthLabel(`${m}-01`)]));
	const halves: Half[] = rows.map((r) => ({
		month: labels.get((r.date as string).slice(0, 7))!,
		dayOfMonth: Number((r.date as string).slice(8, 10)),
		row: r,
		am: r.session === 'AM'
	}));
	const weekends: { month: string; dayOfMonth: number }[] = [];
	for (const m of months) {
		const [y, mo] = m.split('-').map(Number);
		const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
		for (let d = 1; d <= days; d++) {
			const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
			if (weekday === 0 || weekday === 6) weekends.push({ month: labels.get(m)!, dayOfMonth: d });
		}
	}
	const plotWidth = Math.min(width, 1100);
	const half = (plotWidth - 80) / 62 * 0.86;
	const written = halves.filter((h) => !['/', '\\'].includes(h.row.code as string));
	return Plot.plot({
		width: plotWidth,
		height: months.length * 30 + 40,
		marginLeft: 70,
		marginTop: 28,
		marginRight: 10,
		ariaLabel: 'Calendar of session marks: months as rows, days of the month as columns, morning and afternoon of each day',
		ariaDescription: 'Each day is split into the morning mark (left) and the afternoon mark (right), coloured by category.',
		x: { domain: [0.5, 31.5], axis: 'top', label: null, ticks: plotWidth > 700 ? 31 : [1, 5, 10, 15, 20, 25, 30], tickFormat: 'd', tickSize: 0 },
		y: { domain: [...labels.values()], label: null, padding: 0.12, tickSize: 0 },
		color: { ...categoryColour(), label: 'Mark' },
		marks: [
			Plot.barX(weekends, { x1: (d) => d.dayOfMonth - 0.43, x2: (d) => d.dayOfMonth + 0.43, y: 'month', fill: '#eef0f2' }),
			Plot.barX(halves, {
				x1: (h: Half) => h.dayOfMonth + (h.am ? -0.43 : 0.015),
				x2: (h: Half) => h.dayOfMonth + (h.am ? -0.015 : 0.43),
				y: 'month',
				fill: (h: Half) => categoryLabel(h.row),
				title: (h: Half) => markTitle(h.row),
				tip: true
			}),
			half >= 9
				? Plot.text(written, {
						x: (h: Half) => h.dayOfMonth + (h.am ? -0.22 : 0.22),
						y: 'month',
						text: (h: Half) => h.row.code,
						fill: (h: Half) => textOn(h.row.category as string),
						fontSize: Math.min(11, half * 0.75),
						fontWeight: 600,
						pointerEvents: 'none'
					})
				: null
		]
	});
}
