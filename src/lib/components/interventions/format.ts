// How the intervention log shows its figures (pages and the pupil page alike).
import { percent } from '$lib/format';

export type LogRow = Record<string, unknown>;

/** An ISO date as "23 Nov 2026" (en dash when none). */
export function ukDate(iso: unknown): string {
	if (typeof iso !== 'string' || !iso) return '–';
	return new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Percentage points, signed, one decimal place: "+2.5 pts", "−1.0 pts". */
export function points(fraction: number): string {
	const value = Math.round(fraction * 1000) / 10;
	return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(1)} pts`;
}

export interface Progress {
	/** One line in words. */
	text: string;
	tone: 'good' | 'bad' | 'neutral';
	/** The badge text: "On target", "Below target", or null. */
	badge: string | null;
}

/** Progress against the target since the start, in words (no progress when the target is not a rate). */
export function progressOf(r: LogRow): Progress {
	const rate = r.target_rate as number | null;
	const since = r.since_attendance as number | null;
	if (rate === null || rate === undefined) return { text: r.target ? 'Target not a rate: no progress worked out' : 'No target', tone: 'neutral', badge: null };
	if (since === null || since === undefined || !r.since_possible) return { text: `Target ${percent(rate)}; no sessions since the start yet`, tone: 'neutral', badge: null };
	const met = r.target_met === true;
	return {
		text: `${percent(since)} since the start against ${percent(rate)} (${points(since - rate)})`,
		tone: met ? 'good' : 'bad',
		badge: met ? 'On target' : 'Below target'
	};
}

/** Attendance before the start and since, in words. */
export function beforeSince(r: LogRow): string {
	const before = r.before_possible ? percent(r.before_attendance as number) : 'no sessions';
	const since = r.since_possible ? percent(r.since_attendance as number) : 'no sessions yet';
	return `${before} → ${since}`;
}

/** Who recorded it: the signed-in user on a page, or an import. */
export function sourceOf(r: LogRow): string {
	if (r.recorded_by) return `Recorded by ${r.recorded_by}`;
	return r.import_id ? `Imported (#${r.import_id})` : '';
}
