import { describe, expect, it } from 'vitest';
import { adjustedRelative, balance, estimate, eventWeeks, nearest, quantile, seededRandom, unitOf, type Matched, type Unit } from '../../src/lib/server/impact/method';

/** A unit with the given history rates and post-window sessions (all baselines present). */
function unit(pupilId: number, x: [number, number, number, number], postAbsent: number, postPossible = 60): Unit {
	return { pupilId, x, hasTerm: true, hasYear: true, prePossible: 60, preAbsent: Math.round(x[1] * 60), postPossible, postAbsent };
}

describe('impact method', () => {
	it('fills a missing baseline from the nearer window, and a missing recent fortnight from the window', () => {
		const u = unitOf({ pupil_id: 1, recent_possible: 0, recent_absent: 0, pre_possible: 60, pre_absent: 6, term_possible: 10, term_absent: 5, year_possible: 0, year_absent: 0, post_possible: 60, post_absent: 3 });
		expect(u.x).toEqual([0.1, 0.1, 0.1, 0.1]);
		expect(u.hasTerm).toBe(false);
		expect(u.hasYear).toBe(false);
		const v = unitOf({ pupil_id: 2, recent_possible: 20, recent_absent: 10, pre_possible: 60, pre_absent: 12, term_possible: 130, term_absent: 13, year_possible: 380, year_absent: 19, post_possible: 60, post_absent: 3 });
		expect(v.x).toEqual([0.5, 0.2, 0.1, 0.05]);
	});

	it('matches on standardised, weighted distance, nearest first, ties by pupil id', () => {
		const t = unit(0, [0.5, 0.3, 0.1, 0.1], 0);
		const pool = [unit(1, [0.1, 0.3, 0.1, 0.1], 0), unit(2, [0.45, 0.3, 0.1, 0.1], 0), unit(3, [0.5, 0.3, 0.3, 0.1], 0), unit(4, [0.45, 0.3, 0.1, 0.1], 0)];
		// recent counts 3×, the year 1×: 0.05 off in recent (2, 4) is nearer than 0.2 off in the term (3)
		expect(nearest(t, pool, 3, [0.1, 0.1, 0.1, 0.1]).map((u) => u.pupilId)).toEqual([2, 4, 3]);
	});

	it('the regression adjustment removes a difference in history that matching leaves', () => {
		// a world where absence after the start is exactly 0.02 + 0.6 × the window before + 0.3 × the term before;
		// untreated pupils are all less absent than the treated, so their matches sit below them
		const truth = (x: number[]) => 0.02 + 0.6 * x[1] + 0.3 * x[2];
		const random = seededRandom(7);
		const pool: Unit[] = [];
		for (let i = 0; i < 200; i++) {
			const x: [number, number, number, number] = [random() * 0.2, random() * 0.2, random() * 0.15, random() * 0.1];
			pool.push(unit(100 + i, x, truth(x) * 600, 600));
		}
		const matched: Matched[] = [];
		for (let i = 0; i < 30; i++) {
			const x: [number, number, number, number] = [0.25 + random() * 0.2, 0.2 + random() * 0.1, 0.1 + random() * 0.1, random() * 0.1];
			// the intervention cuts absence by a quarter
			const t = unit(i, x, truth(x) * 0.75 * 600, 600);
			matched.push({ treated: t, matches: nearest(t, pool, 5, [0.05, 0.05, 0.05, 0.05]) });
		}
		const pools = matched.map(() => pool);
		const { relative, matchedOnly, low, high } = estimate(matched, pools, 200);
		expect(relative).toBeCloseTo(-0.25, 3);
		// matching alone credits the intervention with too little (its matches were less absent)
		expect(matchedOnly!).toBeGreaterThan(-0.2);
		expect(low!).toBeLessThanOrEqual(relative! + 1e-9);
		expect(high!).toBeGreaterThanOrEqual(relative! - 1e-9);
		// without the adjustment, the same sum
		expect(adjustedRelative(matched, null)).toBeCloseTo(matchedOnly!, 10);
		// the history is balanced better after matching than before, and the numbers say so
		const b = balance(matched, pools);
		expect(b.map((f) => f.feature)).toEqual(['recent', 'pre', 'term', 'year']);
		for (const f of b.slice(0, 2)) expect(Math.abs(f.after!)).toBeLessThan(Math.abs(f.before!));
	});

	it('gives the same interval every time (fixed seed)', () => {
		const random = seededRandom(3);
		const pool = Array.from({ length: 50 }, (_, i) => unit(100 + i, [random() * 0.3, random() * 0.3, 0.1, 0.1], Math.floor(random() * 12)));
		const matched = Array.from({ length: 20 }, (_, i) => {
			const t = unit(i, [random() * 0.3, random() * 0.3, 0.1, 0.1], Math.floor(random() * 12));
			return { treated: t, matches: nearest(t, pool, 5, [0.1, 0.1, 0.1, 0.1]) };
		});
		const pools = matched.map(() => pool);
		expect(estimate(matched, pools, 300)).toEqual(estimate(matched, pools, 300));
	});

	it('quantiles interpolate between ranks', () => {
		expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
		expect(quantile([0, 10], 0.25)).toBe(2.5);
		expect(quantile([], 0.5)).toBeNull();
	});

	it('event weeks: mean of pupils’ rates, matches averaged per treated pupil first, normal bands', () => {
		const w = (entries: [number, number, number][]) => new Map(entries.map(([week, possible, absent]) => [week, { possible, absent }]));
		const rows = eventWeeks(
			[
				{ treated: w([[0, 10, 5]]), matches: [w([[0, 10, 1]]), w([[0, 10, 3]])] },
				{ treated: w([[0, 10, 1]]), matches: [w([[0, 10, 0]]), w([[0, 0, 0]])] }
			],
			0,
			0
		);
		const treated = rows.find((r) => r.group === 'treated')!;
		const comparison = rows.find((r) => r.group === 'comparison')!;
		expect(treated.mean).toBeCloseTo(0.3, 10); // (0.5 + 0.1) / 2
		expect(treated.pupils).toBe(2);
		// sd of (0.5, 0.1) is 0.2828…; half-width 1.96 × 0.2828 / √2 = 0.392
		expect(treated.high - treated.mean).toBeCloseTo(0.392, 3);
		expect(treated.low).toBe(0); // not below zero
		expect(comparison.mean).toBeCloseTo(0.1, 10); // (0.2 + 0.0) / 2: the match with no possible session is left out
	});
});
