// @vitest-environment jsdom
// The Summary page's weekday chart (src/lib/charts/plots.ts) from rows shaped like sql/reports/weekday.sql,
// and the same chart as ChartCard shows it (through accessiblePlot, src/lib/charts/a11y.ts).
import { describe, it } from 'vitest';
import { accessiblePlot } from '$lib/charts/a11y';
import { weekdayHeatmap } from '$lib/charts/plots';
import { expectSnapshot, pointAt } from './snapshot';

// reports/weekday: weekday, session, possible_sessions, absent_sessions, absence_rate
const CELLS = [[6_270, 426], [6_270, 471], [6_688, 341], [6_688, 368], [6_688, 334], [6_688, 361], [6_688, 348], [6_688, 375], [6_270, 489], [6_270, 558]];
const rows = CELLS.map(([possible, absent], i) => ({
	weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'][Math.floor(i / 2)], session: i % 2 ? 'PM' : 'AM',
	possible_sessions: possible, absent_sessions: absent, absence_rate: absent / possible
}));

describe('plots: weekdayHeatmap (Summary)', () => {
	it('weekday × session, pointing at Monday PM', async () => {
		const chart = weekdayHeatmap(rows, 700);
		await pointAt(chart, 'g[aria-label="cell"] > rect:nth-child(2)');
		expectSnapshot('summary-weekday', chart);
	});
	it('as the card shows it: one named image, the marks unlabelled, the legend hidden', () =>
		expectSnapshot('summary-weekday-accessible', accessiblePlot(weekdayHeatmap(rows, 700))));
	it('a single cell', () => expectSnapshot('summary-weekday-single', weekdayHeatmap(rows.slice(0, 1), 700)));
});
