// @vitest-environment jsdom
// The governors' pack trend (src/lib/charts/pack) from points shaped like src/lib/server/pack's trend:
// this year's and last year's half-terms, attendance null where withheld for small numbers.
import { describe, it } from 'vitest';
import { packTrendChart, type TrendPoint } from '$lib/charts/pack/trend';
import { expectSnapshot } from './snapshot';

const LABELS = ['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2'];
const point = (academic_year: string, i: number, attendance_rate: number | null, persistent_percent: number | null, chosen = false): TrendPoint =>
	({ academic_year, label: LABELS[i], attendance_rate, persistent_percent, chosen });

const lastYear = [0.954, 0.939, 0.944, 0.947, 0.951, 0.947].map((a, i) => point('2024/25', i, a, 0.14 + i * 0.01));
const thisYear = [point('2025/26', 0, 0.956, 0.111), point('2025/26', 1, 0.942, 0.162, true), point('2025/26', 2, 0.949, 0.132)];

describe('pack/trend: packTrendChart', () => {
	it('this year against last year, the target and national, Autumn 2 chosen', () =>
		expectSnapshot('pack-trend', packTrendChart([...lastYear, ...thisYear], '2025/26', 95, 0.931)));
	it('no national figure, no year before', () => expectSnapshot('pack-trend-this-year-only', packTrendChart(thisYear, '2025/26', 96, null)));
	it('a half-term withheld (small numbers): left out of the line', () =>
		expectSnapshot('pack-trend-withheld', packTrendChart([...lastYear, thisYear[0], point('2025/26', 1, null, null, true), thisYear[2]], '2025/26', 95, 0.931)));
	it('a single half-term', () => expectSnapshot('pack-trend-single', packTrendChart(thisYear.slice(0, 1), '2025/26', 95, null)));
});
