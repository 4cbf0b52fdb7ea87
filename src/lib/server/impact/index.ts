// The impact of each intervention type: naive before/after beside a matched comparison-group estimate,
// with its bootstrap interval, match quality and the event-study weeks. The warehouse does the windows
// (sql/impact/*.sql); matching, regression and bootstrap are in ./method. One implementation for the
// CLI (report impact), the /impact page and the tests. Aggregates only: no row names a pupil.
import { resolveRange } from '../reports';
import { InputError } from '../../catalog/errors';
import { runFile, type Row, type Warehouse } from '../warehouse';
import { balance, estimate, eventWeeks, featureScales, nearest, unitOf, type EventWeek, type Matched, type Unit, type WeekSessions, type WindowSessions } from './method';

export { FEATURES } from './method';

/** Fewer treated pupils than this: counts only, no estimate. */
export const MIN_PUPILS = 10;
/** Comparison pupils matched to each treated pupil. */
export const MATCHES = 5;
export const BOOTSTRAP_REPS = 1000;
export const DEFAULT_WINDOW = 30;

/** The columns of `report impact`, in order: the nine first, then match quality and notes. */
export const IMPACT_COLUMNS = [
	'type', 'pupils', 'naive_before', 'naive_after', 'naive_relative', 'adjusted_relative', 'ci_low', 'ci_high', 'comparison_pupils',
	'matched_relative', 'excluded_pupils',
	'smd_before_recent', 'smd_after_recent', 'smd_before_pre', 'smd_after_pre',
	'smd_before_term', 'smd_after_term', 'smd_before_year', 'smd_after_year', 'match_quality', 'note'
] as const;

/**
 * How close the matches are: the largest standardised mean difference of a history feature after
 * matching. Up to 0.25 'close'; up to 0.5 'fair' (the regression adjustment carries the rest); above,
 * 'weak': too few untreated pupils had a history like the treated pupils', and the estimate leans on
 * the regression's straight-line extrapolation.
 */
export function matchQuality(maxSmd: number): 'close' | 'fair' | 'weak' {
	return maxSmd <= 0.25 ? 'close' : maxSmd <= 0.5 ? 'fair' : 'weak';
}

export const WEEK_COLUMNS = ['type', 'week', 'group', 'mean', 'low', 'high', 'pupils'] as const;

export interface ImpactOptions {
	from?: string | null;
	to?: string | null;
	school?: number | null;
	/** School days either side of the start (10–100). */
	window?: number;
	yearGroup?: string | null;
	cohort?: { dimension: string; value: string } | null;
}

export type ImpactRow = Record<(typeof IMPACT_COLUMNS)[number], string | number | null>;
export type WeekRow = EventWeek & { type: string };

export interface ImpactResult {
	from: string | null;
	to: string | null;
	school: number | null;
	window: number;
	rows: ImpactRow[];
	weeks: WeekRow[];
}

/** Checks --window / ?window: whole school days from 10 to 100 (default 30). */
export function checkWindow(value: string | number | undefined | null): number {
	if (value === undefined || value === null || value === '') return DEFAULT_WINDOW;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 10 || n > 100) throw new InputError(`the window must be a whole number of school days from 10 to 100, not '${value}'`);
	return n;
}

interface FeatureRow extends WindowSessions {
	school_urn: number;
	s_day: number;
	treated_before: boolean;
}

/** The impact report, kept per options until the next commit (an import, a type renamed, an intervention recorded). */
export async function runImpact(warehouse: Warehouse, options: ImpactOptions = {}): Promise<ImpactResult> {
	const window = checkWindow(options.window);
	const range = await resolveRange(warehouse, { from: options.from ?? undefined, to: options.to ?? undefined, school: options.school ?? null });
	const key = JSON.stringify(['impact', range, window, options.yearGroup ?? null, options.cohort ?? null]);
	return warehouse.keep(key, () => compute(warehouse, range.from, range.to, range.school, window, options));
}

async function compute(warehouse: Warehouse, from: string | null, to: string | null, school: number | null, window: number, options: ImpactOptions): Promise<ImpactResult> {
	const empty: ImpactResult = { from, to, school, window, rows: [], weeks: [] };
	if (!from || !to) return empty;
	// a connection of its own, outside a transaction: impact/prepare's temp tables live on it, and DuckDB
	// scans them on every thread (a table written inside a transaction is scanned on one)
	return warehouse.scratch(async (conn) => {
		await runFile(conn, 'impact/prepare', {
			from, to, school, window,
			year_group: options.yearGroup ?? null,
			cohort_dimension: options.cohort?.dimension ?? null,
			cohort_value: options.cohort?.value ?? null
		});
		const episodes = (await runFile(conn, 'impact/episodes')) as { type: string; school_urn: number; pupil_id: number; s_day: number }[];
		const features = (await runFile(conn, 'impact/features', { window })) as unknown as FeatureRow[];

		// every pupil on roll at each (school, start day), as units; comparison pools per start
		const atStart = new Map<string, Map<number, FeatureRow>>();
		for (const f of features) {
			const k = `${f.school_urn}:${f.s_day}`;
			let m = atStart.get(k);
			if (!m) atStart.set(k, (m = new Map()));
			m.set(f.pupil_id, f);
		}
		const minSessions = window; // half the window's sessions, before and after
		const pools = new Map<string, Unit[]>();
		const poolOf = (k: string): Unit[] => {
			let pool = pools.get(k);
			if (!pool) {
				pool = [...(atStart.get(k)?.values() ?? [])]
					.filter((f) => !f.treated_before && f.pre_possible >= minSessions && f.post_possible >= 2)
					.map(unitOf);
				pools.set(k, pool);
			}
			return pool;
		};
		const allCandidates = [...atStart.keys()].flatMap(poolOf);
		const scales = featureScales(allCandidates);

		const types = [...new Set(episodes.map((e) => e.type))].sort((a, b) => a.localeCompare(b));
		const rows: ImpactRow[] = [];
		const matchedByType = new Map<string, { matched: Matched[]; keys: string[] }>();
		for (const type of types) {
			const own = episodes.filter((e) => e.type === type);
			const matched: Matched[] = [];
			const keys: string[] = [];
			const usedPools: Unit[][] = [];
			let excluded = 0;
			for (const e of own) {
				const k = `${e.school_urn}:${e.s_day}`;
				const row = atStart.get(k)?.get(e.pupil_id);
				const pool = poolOf(k); // the treated pupil is not in it: treated by the start day
				if (!row || row.pre_possible < minSessions || row.post_possible < minSessions || pool.length < MATCHES) {
					excluded++;
					continue;
				}
				const treated = unitOf(row);
				matched.push({ treated, matches: nearest(treated, pool, MATCHES, scales) });
				keys.push(k);
				usedPools.push(pool);
			}
			rows.push(typeRow(type, matched, usedPools, excluded, window));
			if (matched.length >= MIN_PUPILS) matchedByType.set(type, { matched, keys });
		}

		// the event study: weekly sessions of each treated pupil and each of its matches
		const pairs = new Set<string>();
		for (const { matched, keys } of matchedByType.values())
			matched.forEach((m, i) => {
				pairs.add(`${keys[i]}:${m.treated.pupilId}`);
				for (const c of m.matches) pairs.add(`${keys[i]}:${c.pupilId}`);
			});
		const weekRows = pairs.size ? await runFile(conn, 'impact/weeks', { pairs: [...pairs].join(',') }) : [];
		const sessions = new Map<string, WeekSessions>();
		for (const r of weekRows as Row[]) {
			const k = `${r.school_urn}:${r.s_day}:${r.pupil_id}`;
			let m = sessions.get(k);
			if (!m) sessions.set(k, (m = new Map()));
			m.set(r.week as number, { possible: r.possible as number, absent: r.absent as number });
		}
		const none: WeekSessions = new Map();
		const weeks: WeekRow[] = [];
		for (const [type, { matched, keys }] of matchedByType) {
			const series = matched.map((m, i) => ({
				treated: sessions.get(`${keys[i]}:${m.treated.pupilId}`) ?? none,
				matches: m.matches.map((c) => sessions.get(`${keys[i]}:${c.pupilId}`) ?? none)
			}));
			for (const w of eventWeeks(series)) weeks.push({ type, ...w });
		}
		return { from, to, school, window, rows, weeks };
	});
}

const round = (v: number | null, digits = 4) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** One type's row: counts always; the estimates only from MIN_PUPILS treated pupils up. */
function typeRow(type: string, matched: Matched[], pools: Unit[][], excluded: number, window: number): ImpactRow {
	const pupils = matched.length;
	const row = Object.fromEntries(IMPACT_COLUMNS.map((c) => [c, null])) as ImpactRow;
	row.type = type;
	row.pupils = pupils;
	row.excluded_pupils = excluded;
	row.comparison_pupils = new Set(matched.flatMap((m) => m.matches.map((c) => c.pupilId))).size;
	if (pupils < MIN_PUPILS) {
		row.note = `Fewer than ${MIN_PUPILS} pupils with this intervention and ${window} school days of attendance either side of its start: too few to estimate an effect, so only the counts are shown.`;
		return row;
	}
	const sum = (f: (u: Unit) => number) => matched.reduce((s, m) => s + f(m.treated), 0);
	const before = sum((u) => u.preAbsent) / sum((u) => u.prePossible);
	const after = sum((u) => u.postAbsent) / sum((u) => u.postPossible);
	row.naive_before = round(before);
	row.naive_after = round(after);
	row.naive_relative = before > 0 ? round(after / before - 1) : null;
	const { relative, matchedOnly, low, high } = estimate(matched, pools, BOOTSTRAP_REPS);
	row.adjusted_relative = round(relative);
	row.ci_low = round(low);
	row.ci_high = round(high);
	row.matched_relative = round(matchedOnly);
	let worst = 0;
	for (const b of balance(matched, pools)) {
		row[`smd_before_${b.feature}`] = round(b.before, 3);
		row[`smd_after_${b.feature}`] = round(b.after, 3);
		worst = Math.max(worst, Math.abs(b.after ?? 0));
	}
	row.match_quality = matchQuality(worst);
	const notes: string[] = [];
	if (row.match_quality === 'weak')
		notes.push('Weak comparison: few pupils without an intervention had an absence history like these pupils’, so the adjusted figure rests on extrapolation; treat it with caution.');
	if (excluded) notes.push(`${excluded} pupil${excluded === 1 ? '' : 's'} left out: fewer than ${window} school days of attendance before or after the start, or too few comparison pupils.`);
	row.note = notes.length ? notes.join(' ') : null;
	return row;
}


