// The arithmetic of the impact estimate, apart from the warehouse: nearest-neighbour matching on absence
// history, the regression adjustment of the remaining difference (bias-corrected matching), the
// percentile bootstrap over treated pupils, standardised mean differences and the event-study means.
// Pure functions over plain arrays, so the CLI, the page and the tests share one implementation.

/** The history features each pupil is matched on, in this order (absence rates, 0–1). */
export const FEATURES = ['recent', 'pre', 'term', 'year'] as const;
export type Feature = (typeof FEATURES)[number];

/** One pupil at one start day: history features and the sessions of the window from the start. */
export interface Unit {
	pupilId: number;
	/** History absence rates, FEATURES order (missing baselines filled from the nearer window). */
	x: number[];
	/** Whether the term and year baselines were there (used by the regression, not the distance). */
	hasTerm: boolean;
	hasYear: boolean;
	prePossible: number;
	preAbsent: number;
	postPossible: number;
	postAbsent: number;
}

/** A treated pupil with its k nearest comparison pupils at the same school and start day. */
export interface Matched {
	treated: Unit;
	matches: Unit[];
}

/** A small seeded PRNG (mulberry32): the bootstrap gives the same interval every time. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		let t = (state = (state + 0x6d2b79f5) | 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A pupil's possible and absent sessions in each window around a start (sql/impact/features.sql). */
export interface WindowSessions {
	pupil_id: number;
	recent_possible: number;
	recent_absent: number;
	pre_possible: number;
	pre_absent: number;
	term_possible: number;
	term_absent: number;
	year_possible: number;
	year_absent: number;
	post_possible: number;
	post_absent: number;
}

/** Sessions → a unit's features, filling a missing baseline (too few sessions) from the nearer one. */
export function unitOf(row: WindowSessions): Unit {
	const pre = row.pre_possible > 0 ? row.pre_absent / row.pre_possible : 0;
	const recent = row.recent_possible > 0 ? row.recent_absent / row.recent_possible : pre;
	// a baseline rests on at least 20 sessions (two school weeks) or is treated as missing
	const hasTerm = row.term_possible >= 20;
	const term = hasTerm ? row.term_absent / row.term_possible : pre;
	const hasYear = row.year_possible >= 20;
	const year = hasYear ? row.year_absent / row.year_possible : term;
	return {
		pupilId: row.pupil_id,
		x: [recent, pre, term, year],
		hasTerm,
		hasYear,
		prePossible: row.pre_possible,
		preAbsent: row.pre_absent,
		postPossible: row.post_possible,
		postAbsent: row.post_absent
	};
}

/** The spread of each feature over a set of units (1 where it does not vary), to standardise distances. */
export function featureScales(units: Unit[]): number[] {
	return FEATURES.map((_, f) => {
		const sd = Math.sqrt(variance(units.map((u) => u.x[f])));
		return sd > 1e-9 ? sd : 1;
	});
}

/**
 * How much each feature counts in the distance: the weeks just before the start most (that is where
 * pupils are picked for an intervention), the longer baselines less.
 */
export const DISTANCE_WEIGHTS = [3, 2, 1, 1];

/** The k candidates nearest the treated unit (standardised Euclidean distance; ties by pupil id). */
export function nearest(treated: Unit, candidates: Unit[], k: number, scales: number[]): Unit[] {
	const scored = candidates.map((c) => {
		let d = 0;
		for (let f = 0; f < scales.length; f++) {
			const z = (treated.x[f] - c.x[f]) / scales[f];
			d += DISTANCE_WEIGHTS[f] * z * z;
		}
		return { c, d };
	});
	scored.sort((a, b) => a.d - b.d || a.c.pupilId - b.c.pupilId);
	return scored.slice(0, k).map((s) => s.c);
}

/** The regression's design row for a unit: intercept, the features, the baseline indicators. */
function design(u: Unit): number[] {
	return [1, ...u.x, u.hasTerm ? 1 : 0, u.hasYear ? 1 : 0];
}

const rate = (u: Unit) => u.postAbsent / u.postPossible;

/** Adds one observation (design row x, outcome y) to X'X and X'y. */
function accumulate(xtx: Float64Array[], xty: Float64Array, x: number[], y: number, weight = 1): void {
	for (let i = 0; i < x.length; i++) {
		xty[i] += weight * x[i] * y;
		for (let j = 0; j < x.length; j++) xtx[i][j] += weight * x[i] * x[j];
	}
}

/** Solves (X'X + λI) β = X'y by Gaussian elimination (a tiny ridge keeps it solvable when a column is
 * constant, e.g. every pupil has a year's baseline; the intercept is not penalised). */
function solve(xtx: Float64Array[], xty: Float64Array): number[] {
	const p = xty.length;
	const a = xtx.map((row, i) => {
		const r = Array.from(row);
		if (i > 0) r[i] += 1e-4 * Math.max(1, xtx[0][0]) * 1e-3;
		r.push(xty[i]);
		return r;
	});
	for (let c = 0; c < p; c++) {
		let pivot = c;
		for (let r = c + 1; r < p; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
		[a[c], a[pivot]] = [a[pivot], a[c]];
		if (Math.abs(a[c][c]) < 1e-12) continue;
		for (let r = 0; r < p; r++) {
			if (r === c) continue;
			const f = a[r][c] / a[c][c];
			if (f !== 0) for (let k = c; k <= p; k++) a[r][k] -= f * a[c][k];
		}
	}
	return a.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[p] / row[i]));
}

/**
 * The absence rate the comparison group predicts for a treated pupil after the start: its matches'
 * rates, each corrected by β·(x_treated − x_match) for the history difference left over, averaged
 * weighted by each match's possible sessions (a match whose own first intervention cut its window
 * short counts for the sessions it has: a short window just before an intervention is a high one).
 */
export function predictedRate(m: Matched, beta: number[] | null): number {
	const xt = design(m.treated);
	let sum = 0;
	let weights = 0;
	for (const c of m.matches) {
		let y = rate(c);
		if (beta) {
			const xc = design(c);
			for (let i = 1; i < xt.length; i++) y += beta[i] * (xt[i] - xc[i]);
		}
		const w = c.postPossible;
		sum += w * y;
		weights += w;
	}
	return sum / weights;
}

/** Σ treated absent sessions after the start ÷ Σ the absent sessions predicted for them − 1. */
export function adjustedRelative(matched: Matched[], beta: number[] | null): number | null {
	let observed = 0;
	let predicted = 0;
	for (const m of matched) {
		observed += m.treated.postAbsent;
		predicted += clampRate(predictedRate(m, beta)) * m.treated.postPossible;
	}
	return predicted > 0 ? observed / predicted - 1 : null;
}

/**
 * The estimate and its 95% percentile bootstrap interval, resampling treated pupils with their matches.
 * The regression is fitted over every eligible comparison pupil at each treated pupil's school and start
 * day (a start shared by several treated pupils counts once for each), and refitted in every replicate
 * from the resampled pupils' pools, so the interval carries its uncertainty too.
 */
export function estimate(matched: Matched[], pools: Unit[][], reps = 1000, seed = 20260901): { relative: number | null; matchedOnly: number | null; low: number | null; high: number | null } {
	const p = 7;
	// each distinct pool's contribution to X'X and X'y, computed once
	const sums = new Map<Unit[], { xtx: Float64Array[]; xty: Float64Array }>();
	const parts = pools.map((pool) => {
		let part = sums.get(pool);
		if (!part) {
			part = { xtx: Array.from({ length: p }, () => new Float64Array(p)), xty: new Float64Array(p) };
			for (const c of pool) accumulate(part.xtx, part.xty, design(c), rate(c), c.postPossible);
			sums.set(pool, part);
		}
		return part;
	});
	const fit = (weights: (i: number) => number) => {
		const xtx = Array.from({ length: p }, () => new Float64Array(p));
		const xty = new Float64Array(p);
		parts.forEach((part, i) => {
			const w = weights(i);
			if (!w) return;
			for (let a = 0; a < p; a++) {
				xty[a] += w * part.xty[a];
				for (let b = 0; b < p; b++) xtx[a][b] += w * part.xtx[a][b];
			}
		});
		return solve(xtx, xty);
	};
	const relative = adjustedRelative(matched, fit(() => 1));
	const matchedOnly = adjustedRelative(matched, null);
	if (relative === null || matched.length < 2) return { relative, matchedOnly, low: null, high: null };
	const random = seededRandom(seed);
	const draws: number[] = [];
	const n = matched.length;
	const counts = new Int32Array(n);
	for (let r = 0; r < reps; r++) {
		counts.fill(0);
		for (let i = 0; i < n; i++) counts[Math.floor(random() * n)]++;
		const b = fit((i) => counts[i]);
		let observed = 0;
		let predicted = 0;
		for (let i = 0; i < n; i++) {
			const w = counts[i];
			if (!w) continue;
			const m = matched[i];
			observed += w * m.treated.postAbsent;
			predicted += w * clampRate(predictedRate(m, b)) * m.treated.postPossible;
		}
		if (predicted > 0) draws.push(observed / predicted - 1);
	}
	draws.sort((a, b) => a - b);
	return { relative, matchedOnly, low: quantile(draws, 0.025), high: quantile(draws, 0.975) };
}

/** A predicted absence rate kept within 0–100%. */
const clampRate = (r: number) => Math.min(1, Math.max(0, r));

/** Linear-interpolated quantile of sorted values. */
export function quantile(sorted: number[], q: number): number | null {
	if (!sorted.length) return null;
	const at = (sorted.length - 1) * q;
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function mean(values: number[]): number {
	return values.length ? values.reduce((s, v) => s + v, 0) / values.length : NaN;
}

export function variance(values: number[]): number {
	if (values.length < 2) return 0;
	const m = mean(values);
	return values.reduce((s, v) => s + (v - m) * (v - m), 0) / (values.length - 1);
}

/**
 * Standardised mean differences of each history feature between the treated pupils and (before) every
 * eligible comparison pupil at their school and start day, (after) their matches: the difference of
 * means over the pooled standard deviation. Near 0 (under 0.1 by the usual rule) is a close match.
 */
export function balance(matched: Matched[], pools: Unit[][]): { feature: Feature; before: number | null; after: number | null }[] {
	return FEATURES.map((feature, f) => {
		const treated = matched.map((m) => m.treated.x[f]);
		const pooled = pools.flatMap((pool) => pool.map((u) => u.x[f]));
		const sd = Math.sqrt((variance(treated) + variance(pooled)) / 2);
		if (!(sd > 0) || !treated.length) return { feature, before: null, after: null };
		const mt = mean(treated);
		const before = mean(pools.map((pool) => mean(pool.map((u) => u.x[f]))));
		const after = mean(matched.map((m) => mean(m.matches.map((u) => u.x[f]))));
		return { feature, before: (mt - before) / sd, after: (mt - after) / sd };
	});
}

/** A pupil's possible and absent sessions in each event week (−10 … 10). */
export type WeekSessions = Map<number, { possible: number; absent: number }>;

export interface EventWeek {
	week: number;
	group: 'treated' | 'comparison';
	mean: number;
	low: number;
	high: number;
	pupils: number;
}

/**
 * The event study: in each week around the start, the mean absence rate of the treated pupils and the
 * mean of their matches' (each treated pupil's matches averaged first), with a normal-approximation
 * 95% band over treated pupils. A pupil without a possible session in a week is left out of that week.
 */
export function eventWeeks(matched: { treated: WeekSessions; matches: WeekSessions[] }[], from = -10, to = 10): EventWeek[] {
	const out: EventWeek[] = [];
	for (let week = from; week <= to; week++) {
		const treated: number[] = [];
		const comparison: number[] = [];
		for (const m of matched) {
			const t = m.treated.get(week);
			if (t && t.possible > 0) treated.push(t.absent / t.possible);
			const rates = m.matches.map((c) => c.get(week)).filter((c) => c && c.possible > 0).map((c) => c!.absent / c!.possible);
			if (rates.length) comparison.push(mean(rates));
		}
		for (const [group, values] of [['treated', treated], ['comparison', comparison]] as const) {
			if (!values.length) continue;
			const m = mean(values);
			const half = 1.96 * Math.sqrt(variance(values) / values.length);
			out.push({ week, group, mean: m, low: Math.max(0, m - half), high: m + half, pupils: values.length });
		}
	}
	return out;
}
