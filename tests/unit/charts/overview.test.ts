// @vitest-environment jsdom
// The Overview's charts (src/lib/charts/overview) from rows shaped like sql/datasets/overview/periods.sql (periods.ts).
import { describe, it } from 'vitest';
import { attendanceChart } from '$lib/charts/overview/attendance';
import { persistenceChart } from '$lib/charts/overview/persistence';
import { termsChart } from '$lib/charts/overview/terms';
import { PERIODS } from './periods';
import { expectSnapshot, pointAt } from './snapshot';

/** No national figures published for any period (a new release not yet imported). */
const withoutNational = PERIODS.map((r) => ({ ...r, national_overall_absence_rate: null, national_persistent_percent: null, national_period: null }));
/** One academic year with one half-term so far: a single point in a single panel. */
const firstHalfTerm = PERIODS.filter((r) => r.academic_year === '2025/26' && (r.label === 'Autumn 1' || r.grain === 'year'));

describe('overview/attendance: attendanceChart', () => {
	it('three years of half-terms against the target and national, pointing at Autumn 2 2024/25', async () => {
		const chart = attendanceChart(PERIODS, 1000, 95);
		await pointAt(chart, 'g[aria-label="dot"] > g:nth-child(2) > circle:nth-child(2)');
		expectSnapshot('overview-attendance', chart);
	});
	it('narrow: the years stacked', () => expectSnapshot('overview-attendance-narrow', attendanceChart(PERIODS, 480, 95)));
	it('no national figures: no national line, none in the key', () => expectSnapshot('overview-attendance-no-national', attendanceChart(withoutNational, 1000, 96)));
	it('a single half-term', () => expectSnapshot('overview-attendance-single', attendanceChart(firstHalfTerm, 1000, 95)));
});

describe('overview/persistence: persistenceChart', () => {
	it('persistent and severe absence by half-term, with national, pointing at Spring 1 2025/26', async () => {
		const chart = persistenceChart(PERIODS, 1000);
		await pointAt(chart, 'g[aria-label="bar"] > g:nth-child(3) > rect:nth-child(3)', { edge: 'top' });
		expectSnapshot('overview-persistence', chart);
	});
	it('narrow: the years stacked', () => expectSnapshot('overview-persistence-narrow', persistenceChart(PERIODS, 480)));
	it('no national figures', () => expectSnapshot('overview-persistence-no-national', persistenceChart(withoutNational, 1000)));
	it('a single half-term', () => expectSnapshot('overview-persistence-single', persistenceChart(firstHalfTerm, 1000)));
});

describe('overview/terms: termsChart', () => {
	it('terms and whole years, year on year, pointing at the autumn of 2024/25', async () => {
		const chart = termsChart(PERIODS, 1000, 95);
		await pointAt(chart, 'g[aria-label="dot"] > g:first-child > circle:nth-child(2)');
		expectSnapshot('overview-terms', chart);
	});
	it('narrow: the terms stacked', () => expectSnapshot('overview-terms-narrow', termsChart(PERIODS, 480, 95)));
	it('no national figures', () => expectSnapshot('overview-terms-no-national', termsChart(withoutNational, 1000, 95)));
	it('the year under way alone: one dot a panel', () => expectSnapshot('overview-terms-single', termsChart(PERIODS.filter((r) => r.academic_year === '2025/26'), 1000, 95)));
});
