// @vitest-environment jsdom
// The Impact page's event study (src/lib/charts/impact) from rows shaped like the impact `weeks` dataset
// (src/lib/server/impact: type, week −10…10, group treated | comparison, mean, low, high, pupils).
import { describe, it } from 'vitest';
import type { DataRow } from '$lib/arrow-client';
import { eventStudyChart } from '$lib/charts/impact/eventStudy';
import { WITHHELD } from '$lib/withheld';
import { expectSnapshot, pointAt } from './snapshot';

/** Mean absence by week for the treated pupils (rising to the start, then falling) and their comparison group. */
const TREATED = [0.081, 0.085, 0.09, 0.094, 0.101, 0.112, 0.124, 0.139, 0.158, 0.176, 0.164, 0.142, 0.128, 0.121, 0.117, 0.113, 0.111, 0.109, 0.108, 0.106, 0.105];
const COMPARISON = [0.079, 0.084, 0.088, 0.095, 0.099, 0.11, 0.121, 0.137, 0.155, 0.171, 0.16, 0.146, 0.134, 0.127, 0.122, 0.119, 0.116, 0.114, 0.113, 0.111, 0.11];

function weeks(type: string, pupils: number): DataRow[] {
	return ([['treated', TREATED], ['comparison', COMPARISON]] as const).flatMap(([group, means]) =>
		means.map((mean, i) => {
			const half = group === 'treated' ? 0.028 + (i % 3) * 0.002 : 0.012 + (i % 2) * 0.001;
			return { type, week: i - 10, group, mean, low: Math.max(0, mean - half), high: mean + half, pupils: group === 'treated' ? pupils - (i % 4 === 0 ? 1 : 0) : pupils };
		})
	);
}
const letter = weeks('Letter 1', 46);

describe('impact/eventStudy: eventStudyChart', () => {
	it('wide: 10 weeks either side, bands shaded, pointing at week 0 treated', async () => {
		const chart = eventStudyChart(letter, 1000, 'Letter 1');
		await pointAt(chart, 'g[aria-label="dot"] > circle', { nth: 10 });
		expectSnapshot('impact-event-study', chart);
	});
	it('narrow', () => expectSnapshot('impact-event-study-narrow', eventStudyChart(letter, 520, 'Letter 1')));
	it('a week without a band (one pupil: no interval), pointing at it', async () => {
		const chart = eventStudyChart(letter.map((r) => (r.week === 3 ? { ...r, low: null, high: null, pupils: 1 } : r)), 1000, 'Letter 1');
		await pointAt(chart, 'g[aria-label="dot"] > circle', { nth: 13 });
		expectSnapshot('impact-event-study-no-band', chart);
	});
	it('a single week', () => expectSnapshot('impact-event-study-single', eventStudyChart(letter.filter((r) => r.week === 0), 1000, 'Letter 1')));
	it('a governor\'s copy with two weeks withheld', () =>
		expectSnapshot('impact-event-study-withheld', eventStudyChart(letter.map((r) => ((r.week as number) >= 9 ? { ...r, mean: null, low: null, high: null, [WITHHELD]: 'mean,low,high' } : r)), 1000, 'Parenting contract')));
});
