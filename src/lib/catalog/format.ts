// The only formatters of figures: every page, chart, CSV, pack and CLI report reads its percentages,
// points, counts and dates from here, so one figure reads the same everywhere. No DB, no SvelteKit.

/** Shown where a figure is unknown (no sessions): an en dash. */
export const UNKNOWN = '–';

/**
 * A fraction rounded half away from zero to `digits` places of its percentage (0.2875 → 28.8), exactly as
 * written in decimal: 23/80 is 28.75%, never 28.7 because 0.2875 * 100 is 28.749999… in binary.
 */
export function roundPercent(fraction: number, digits = 1): number {
	const scaled = Number((fraction * 100).toPrecision(12)) * 10 ** digits;
	return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / 10 ** digits;
}

const known = (v: number | null | undefined): v is number => v !== null && v !== undefined && !Number.isNaN(v);

/** A fraction as a percentage with one decimal place ("6.9%"), or an en dash when unknown. */
export function percent(fraction: number | null | undefined, digits = 1): string {
	return known(fraction) ? `${roundPercent(fraction, digits).toFixed(digits)}%` : UNKNOWN;
}

/**
 * The difference of two fractions in percentage points, as the difference of their displayed
 * percentages (so "6.3% against 5.9%" always reads "+0.4 points"): signed, one decimal place.
 */
export function pointsBetween(a: number | null | undefined, b: number | null | undefined, digits = 1): string {
	if (!known(a) || !known(b)) return UNKNOWN;
	const diff = roundPercent(a, digits) - roundPercent(b, digits);
	const text = Math.abs(diff).toFixed(digits);
	return `${diff > 0 ? '+' : diff < 0 && Number(text) !== 0 ? '−' : ''}${text} points`;
}

/** A whole number with thousands separators ("1,234"), or an en dash when unknown. */
export function count(n: number | null | undefined): string {
	return known(n) ? n.toLocaleString('en-GB') : UNKNOWN;
}

/** An ISO date as "2 September 2024". */
export function longDate(iso: string | null | undefined): string {
	if (!iso) return UNKNOWN;
	return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
