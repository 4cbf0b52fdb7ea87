// The sentences the Overview and Cohorts pages write from the charts' rows (src/lib/charts/overview/headline.ts,
// src/lib/charts/cohorts/headline.ts): their percentages and gaps as shown (the catalog's formatting), so a
// reader subtracting two figures gets the gap written.
import { describe, expect, it } from 'vitest';
import { headline } from '$lib/charts/cohorts/headline';
import { buildHeadline, interpretation, yearBefore } from '$lib/charts/overview/headline';
import { byYear, fsm, sen } from './cohort-rows';
import { PERIODS } from './periods';

describe('overview/headline', () => {
	it('the year under way against the whole year before and the target', () => {
		const h = buildHeadline(PERIODS, '2025/26', 95)!;
		expect(h.toDate).toBe(false);
		expect(interpretation(h)).toBe(
			'Attendance in 2025/26 is 94.9%, 0.1 points below the 95% target and 0.2 points better than in 2024/25. ' +
			'Pupils missed 10.3 days each on average (20.3 in 2024/25); 12.0% of pupils were persistently absent (13.7% in 2024/25).'
		);
	});
	it('against the year before to the same date, with national persistent absence, on a target with a decimal', () => {
		const lastYear = PERIODS.find((r) => r.grain === 'year' && r.academic_year === '2024/25')!;
		const toDate = { ...lastYear, grain: 'year_to_date', end_date: '2025-02-14', attendance_rate: 0.949, days_missed_per_pupil: 10.26, persistent_percent: 0.1321 };
		const h = buildHeadline([...PERIODS, toDate], '2024/25', 94.7)!;
		expect(h.toDate).toBe(false); // 2024/25 is compared with 2023/24, which has no year-to-date row
		expect(interpretation(h)).toBe(
			'Attendance in 2024/25 is 94.7%, exactly on the 94.7% target and 0.3 points better than in 2023/24. ' +
			'Pupils missed 20.3 days each on average (21.2 in 2023/24); 13.7% of pupils were persistently absent against 19.4% nationally.'
		);
		const current = { ...PERIODS.find((r) => r.grain === 'year' && r.academic_year === '2025/26')!, national_persistent_percent: null };
		const soFar = buildHeadline([current, toDate], '2025/26', 96)!;
		expect(soFar.toDate).toBe(true);
		expect(interpretation(soFar)).toBe(
			'Attendance so far in 2025/26 is 94.9%, 1.1 points below the 96% target and the same as at the same point in 2024/25. ' +
			'Pupils missed 10.3 days each on average (10.3 by this point in 2024/25); 12.0% of pupils were persistently absent (13.2% in 2024/25).'
		);
	});
	it('a withheld figure (small numbers, null for a governor) is neither stated nor compared', () => {
		const rows = PERIODS.map((r) => (r.grain === 'year' && r.academic_year === '2024/25' ? { ...r, persistent_percent: null, withheld_columns: 'persistent_percent' } : r));
		expect(interpretation(buildHeadline(rows, '2025/26', 95)!)).toBe(
			'Attendance in 2025/26 is 94.9%, 0.1 points below the 95% target and 0.2 points better than in 2024/25. ' +
			'Pupils missed 10.3 days each on average (20.3 in 2024/25); 12.0% of pupils were persistently absent.'
		);
		expect(interpretation(buildHeadline(rows, '2024/25', 95)!)).toBe(
			'Attendance in 2024/25 is 94.7%, 0.3 points below the 95% target and 0.3 points better than in 2023/24. ' +
			'Pupils missed 20.3 days each on average (21.2 in 2023/24); the share persistently absent is withheld (fewer than 5 pupils).'
		);
	});
	it('no headline without a chosen year or its row', () => {
		expect(buildHeadline(PERIODS, null, 95)).toBeNull();
		expect(buildHeadline(PERIODS, '2019/20', 95)).toBeNull();
		expect(yearBefore('2025/26')).toBe('2024/25');
		expect(yearBefore('2000/01')).toBe('1999/00');
	});
});

describe('cohorts/headline', () => {
	it('the largest gaps to the rest of school, one a dimension, small groups left out', () => {
		const { overall, sentences } = headline([...sen, ...fsm, ...byYear]);
		expect(overall).toEqual({ pupils: 418, absenceRate: 6_521 / 103_420, persistent: 64 });
		expect(sentences).toEqual([
			'FSM-eligible pupils miss 4.5 percentage points more of their sessions than other pupils (9.8% against 5.3%); 28.9% of them are persistently absent. ' +
				'Nationally the figure for this group is 10.5% (2023/24).',
			'Pupils on SEN support miss 3.9 percentage points more of their sessions than other pupils (9.7% against 5.8%); 27.6% of them are persistently absent. ' +
				'Nationally the figure for this group is 9.4% (2023/24).',
			'Year 9 pupils miss 0.6 percentage points more of their sessions than other pupils (6.8% against 6.2%); 18.1% of them are persistently absent.'
		]);
	});
	it('a withheld persistent-absence figure is left out; no rows, no headline', () => {
		const [support] = headline([{ ...sen[1], persistent_percent: null }]).sentences;
		expect(support).toBe('Pupils on SEN support miss 3.9 percentage points more of their sessions than other pupils (9.7% against 5.8%). Nationally the figure for this group is 9.4% (2023/24).');
		expect(headline([])).toEqual({ overall: null, sentences: [] });
	});
});
