// The only formatters of figures: every page, component, pack, export and CLI report reads its percentages,
// points, counts, days, minutes and dates from here, so one figure reads the same everywhere. No DB, no SvelteKit.
//
// The rules, once:
// - Rounding is half away from zero on the number as written in decimal (23/80 = 28.75% → 28.8%, never 28.7
//   because 0.2875 * 100 is 28.749999… in binary), and never shows a negative zero.
// - A difference (a change, a gap to the target, to national or to the rest of the school) is the difference
//   of the two figures as shown, so a reader subtracting the two figures gets the difference written.
// - Figures that must add up are rounded together (absenceShares, sharesAddingUp): the whole is rounded on
//   its own, and its parts by largest remainder so that the parts as shown add to the whole as shown;
//   attendance is 100% minus overall absence as shown.
import { isWithheld } from '../withheld';

/** Shown where a figure is unknown (no sessions, no row): an en dash. */
export const UNKNOWN = '–';
/** Shown for a figure withheld for small numbers: the DfE's symbol. */
export const WITHHELD_MARK = 'c';

type Maybe = number | null | undefined;

const known = (v: Maybe): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * `value` × 10^places, on the value's decimal digits: the 12 significant digits clear binary noise
 * (1 − 0.9375 is 0.0625 again), and the decimal point is moved in the text, never by multiplying
 * (1.005 × 100 is 100.49999… in binary).
 */
function shifted(value: number, places: number): number {
	const [mantissa, exponent] = Number(value.toPrecision(12)).toExponential().split('e');
	return Number(`${mantissa}e${Number(exponent) + places}`);
}
/** `value` × 10^places rounded half away from zero to a whole number (never −0). */
function units(value: number, places: number): number {
	const n = Math.round(shifted(Math.abs(value), places));
	return value < 0 && n !== 0 ? -n : n;
}
/** A whole number of 10^-places units back as a number: (288, 1) → 28.8. */
const fromUnits = (n: number, places: number): number => (n === 0 ? 0 : Number(`${n}e-${places}`));

/** A number rounded half away from zero to `digits` decimal places, as written in decimal (2.25 → 2.3). */
export function round(value: number, digits = 1): number {
	return fromUnits(units(value, digits), digits);
}

/** A fraction as a percentage rounded to `digits` places (0.2875 → 28.8). */
export function roundPercent(fraction: number, digits = 1): number {
	return fromUnits(units(fraction, digits + 2), digits);
}

/** A fraction as it is shown, still a fraction (0.28749 → 0.287): what a sum or comparison of shown figures uses. */
export function shown(fraction: number, digits = 1): number {
	return fromUnits(units(fraction, digits + 2), digits + 2);
}

/** A number to `digits` decimal places with thousands separators ("12.3", "1,234.0"), or an en dash when unknown. */
export function decimal(value: Maybe, digits = 1): string {
	return known(value) ? round(value, digits).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : UNKNOWN;
}

/** A fraction as a percentage with one decimal place ("6.9%"), or an en dash when unknown. */
export function percent(fraction: Maybe, digits = 1): string {
	return known(fraction) ? `${roundPercent(fraction, digits).toFixed(digits)}%` : UNKNOWN;
}

/** A number to `digits` decimal places without separators, for CSV cells ("3.0"); empty when unknown. */
export function figure(value: Maybe, digits = 1): string {
	return known(value) ? round(value, digits).toFixed(digits) : '';
}

/** A fraction's percentage without the sign, for CSV cells ("6.9"); empty when unknown. */
export function percentFigure(fraction: Maybe, digits = 1): string {
	return known(fraction) ? roundPercent(fraction, digits).toFixed(digits) : '';
}

/** A target as it was set, already a percentage: 96 → "96%", 94.5 → "94.5%" (one decimal place at most). */
export function targetText(percentage: Maybe): string {
	return known(percentage) ? `${round(percentage, 1)}%` : UNKNOWN;
}

/** numerator / denominator as a percentage ("28.8%"), or an en dash when the denominator is 0 or unknown. */
export function rate(numerator: Maybe, denominator: Maybe, digits = 1): string {
	return known(numerator) && known(denominator) && denominator !== 0 ? percent(numerator / denominator, digits) : UNKNOWN;
}

/** A fraction as a signed percentage: "+12.0%", "−5.0%", "0.0%" (relative changes). */
export function signedPercent(fraction: Maybe, digits = 1): string {
	if (!known(fraction)) return UNKNOWN;
	const n = units(fraction, digits + 2);
	return `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(fromUnits(n, digits)).toFixed(digits)}%`;
}

/** a − b as shown: the difference of the two numbers each rounded to `digits` places (null when either is unknown). */
export function between(a: Maybe, b: Maybe, digits = 1): number | null {
	return known(a) && known(b) ? fromUnits(units(a, digits) - units(b, digits), digits) : null;
}

/** a − b in percentage points, as the difference of the two fractions' percentages as shown (6.3% − 5.9% = 0.4). */
export function pointsDiff(a: Maybe, b: Maybe, digits = 1): number | null {
	return known(a) && known(b) ? fromUnits(units(a, digits + 2) - units(b, digits + 2), digits) : null;
}

/** A number with its sign: "+0.4", "−1.0" (a true minus), "0.0". */
export function signed(value: Maybe, digits = 1): string {
	if (!known(value)) return UNKNOWN;
	const n = units(value, digits);
	return `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(fromUnits(n, digits)).toFixed(digits)}`;
}

/**
 * The difference of two fractions in percentage points, as the difference of their displayed
 * percentages (so "6.3% against 5.9%" always reads "+0.4 points"): signed, one decimal place. `unit`
 * follows the number ('pts' in narrow tables, '' where the column says the unit).
 */
export function pointsBetween(a: Maybe, b: Maybe, digits = 1, unit = 'points'): string {
	const diff = pointsDiff(a, b, digits);
	return diff === null ? UNKNOWN : `${signed(diff, digits)}${unit ? ` ${unit}` : ''}`;
}

/**
 * A figure against another in words, from the figures as shown: "0.4 points below target", "1.2 points
 * above the national figure", or `words.same` ("on target") when they show the same.
 */
export function comparePoints(a: Maybe, b: Maybe, words: { above: string; below: string; same: string }, digits = 1): string {
	const diff = pointsDiff(a, b, digits);
	if (diff === null) return UNKNOWN;
	if (diff === 0) return words.same;
	return `${Math.abs(diff).toFixed(digits)} points ${diff < 0 ? words.below : words.above}`;
}

/** A change since a period before, as a card shows it: "▲ 0.5 points up on 2024/25", better or worse. */
export interface Change {
	arrow: '▲' | '▼' | '=';
	/** "0.5 points up on 2024/25", "same as 2024/25" */
	text: string;
	tone: 'better' | 'worse' | 'same';
}

/**
 * The change from `then` to `now` as shown: 'points' for fractions (percentage points between the
 * percentages shown), 'days' for numbers of days shown to one decimal place; `higherIsBetter` for attendance.
 */
export function change(now: number, then: number, higherIsBetter: boolean, unit: 'points' | 'days', against: string): Change {
	const delta = (unit === 'points' ? pointsDiff(now, then) : between(now, then)) ?? 0;
	if (delta === 0) return { arrow: '=', text: `same as ${against}`, tone: 'same' };
	const up = delta > 0;
	const size = Math.abs(delta);
	const what = unit === 'points' ? 'points' : size === 1 ? 'day' : 'days';
	return { arrow: up ? '▲' : '▼', text: `${size.toFixed(1)} ${what} ${up ? 'up' : 'down'} on ${against}`, tone: up === higherIsBetter ? 'better' : 'worse' };
}

/**
 * Parts of a whole (fractions) rounded together: the whole as shown on its own, the parts by largest
 * remainder so that the parts as shown add up to it (a tie goes to the larger part, then the earlier).
 * Answers the parts as shown, as fractions (0.039, 0.024 for a whole shown as 6.3%).
 */
export function sharesAddingUp(whole: number, parts: number[], digits = 1): number[] {
	const places = digits + 2;
	const exact = parts.map((p) => shifted(p, places));
	const floors = exact.map((x) => Math.floor(x));
	// largest remainders first; a tie to the larger part, then the earlier
	const order = exact.map((x, i) => ({ i, remainder: Number((x - floors[i]).toFixed(9)), size: x })).sort((a, b) => b.remainder - a.remainder || b.size - a.size || a.i - b.i);
	let left = units(whole, places) - floors.reduce((s, f) => s + f, 0);
	for (let k = 0; left > 0 && order.length; k = (k + 1) % order.length, left--) floors[order[k].i]++;
	// parts adding to more than the whole (inconsistent figures): take units back from the smallest remainders
	for (let k = order.length - 1; left < 0 && floors.some((f) => f > 0); k = (k - 1 + order.length) % order.length) {
		if (floors[order[k].i] > 0) {
			floors[order[k].i]--;
			left++;
		}
	}
	return floors.map((n) => fromUnits(n, places));
}

/** Attendance and absence as shown, fractions that add up (see absenceShares). */
export interface AbsenceShares {
	attendance: number | null;
	overall: number | null;
	authorised: number | null;
	unauthorised: number | null;
}

/**
 * Attendance, overall, authorised and unauthorised absence (fractions of possible sessions) as shown, so
 * that they add up: overall absence rounded on its own (from `overall`, else authorised + unauthorised,
 * else 1 − attendance), attendance = 100% − overall as shown, authorised and unauthorised by largest
 * remainder to add to overall as shown. Give whichever figures are known; each answer is a fraction that
 * `percent` shows exactly (0.937 → "93.7%"), and null where it cannot be known.
 */
export function absenceShares(
	figures: { overall?: Maybe; authorised?: Maybe; unauthorised?: Maybe; attendance?: Maybe },
	digits = 1
): AbsenceShares {
	const { authorised: a, unauthorised: u, attendance } = figures;
	const overall = known(figures.overall) ? figures.overall : known(a) && known(u) ? a + u : known(attendance) ? 1 - attendance : null;
	if (overall === null) return { attendance: null, overall: null, authorised: known(a) ? shown(a, digits) : null, unauthorised: known(u) ? shown(u, digits) : null };
	const whole = shown(overall, digits);
	const [authorised, unauthorised] = known(a) && known(u) ? sharesAddingUp(overall, [a, u], digits) : [known(a) ? shown(a, digits) : null, known(u) ? shown(u, digits) : null];
	return { attendance: fromUnits(10 ** (digits + 2) - units(overall, digits + 2), digits + 2), overall: whole, authorised, unauthorised };
}

const SHARE_COLUMNS = {
	attendance: 'attendance_rate',
	overall: 'overall_absence_rate',
	authorised: 'authorised_absence_rate',
	unauthorised: 'unauthorised_absence_rate'
} as const;

/**
 * A row with its attendance_rate, overall_absence_rate, authorised_absence_rate and unauthorised_absence_rate
 * as shown, adding up (absenceShares); only the columns it has, a withheld (null) figure staying null.
 */
export function rowShares<T extends object>(row: T): T;
export function rowShares<T extends object>(row: T | null): T | null;
export function rowShares<T extends object>(row: T | null): T | null {
	if (!row) return row;
	const r = row as Record<string, unknown>;
	const figure = (column: string) => (typeof r[column] === 'number' ? (r[column] as number) : null);
	const shares = absenceShares({
		attendance: figure(SHARE_COLUMNS.attendance),
		overall: figure(SHARE_COLUMNS.overall),
		authorised: figure(SHARE_COLUMNS.authorised),
		unauthorised: figure(SHARE_COLUMNS.unauthorised)
	});
	const out: Record<string, unknown> = { ...r };
	for (const [share, column] of Object.entries(SHARE_COLUMNS)) if (typeof r[column] === 'number') out[column] = shares[share as keyof AbsenceShares];
	return out as T;
}

/** Attendance as shown beside absence: 100% minus overall absence as shown (a fraction; null when unknown). */
export function attendanceShown(attendance: Maybe, digits = 1): number | null {
	return known(attendance) ? absenceShares({ attendance }, digits).attendance : null;
}

/** A whole number with thousands separators ("1,234"), or an en dash when unknown. */
export function count(n: Maybe): string {
	return known(n) ? n.toLocaleString('en-GB') : UNKNOWN;
}

/** "23 of 80", with thousands separators. */
export function countOf(n: Maybe, of: Maybe): string {
	return `${count(n)} of ${count(of)}`;
}

/** A figure of a row, or 'c' where the row says it was withheld for small numbers (src/lib/withheld.ts). */
export function cell(row: Record<string, unknown>, column: string, format: (value: unknown) => string): string {
	return isWithheld(row, column) ? WITHHELD_MARK : format(row[column]);
}

/** Days to one decimal place, a whole number without its ".0": "1 day", "2.5 days", "1,234 days". */
export function days(n: Maybe, digits = 1): string {
	if (!known(n)) return UNKNOWN;
	const value = round(n, digits);
	return `${value.toLocaleString('en-GB', { maximumFractionDigits: digits })} ${value === 1 ? 'day' : 'days'}`;
}

/** Minutes as "1 h 25 min" or "40 min" (rounded to the minute). */
export function minutes(n: Maybe): string {
	if (!known(n) || n <= 0) return '0 min';
	const m = round(n, 0);
	return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
}

/** How many times another figure: "2.5×". */
export function multiple(value: Maybe, digits = 1): string {
	return known(value) ? `${decimal(value, digits)}×` : UNKNOWN;
}

/** A file size: "1.5 GB", "24.0 MB", "900 KB" (KB rounded up, so a small file is never "0 KB"). */
export function fileSize(bytes: number): string {
	if (bytes >= 1024 ** 3) return `${decimal(bytes / 1024 ** 3)} GB`;
	if (bytes >= 1024 ** 2) return `${decimal(bytes / 1024 ** 2)} MB`;
	return `${Math.ceil(bytes / 1024)} KB`;
}

/** Seconds taken: "2.5 s". */
export function seconds(s: Maybe): string {
	return known(s) ? `${decimal(s)} s` : UNKNOWN;
}

const isoDate = (iso: unknown): Date | null => (typeof iso === 'string' && iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

/** An ISO date as "2 September 2024". */
export function longDate(iso: string | null | undefined): string {
	const d = isoDate(iso);
	return d ? d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : UNKNOWN;
}

/** An ISO date as "2 Sep 2024" (tables). */
export function mediumDate(iso: unknown): string {
	const d = isoDate(iso);
	return d ? d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : UNKNOWN;
}

/** An ISO date with its weekday: "Wed, 4 Sept 2024" (registers). */
export function dayDate(iso: unknown): string {
	const d = isoDate(iso);
	return d ? d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : UNKNOWN;
}

/** A moment (ISO timestamp) in England's time: "23 Nov 2026, 16:07" (with `seconds`, "16:07:05"). */
export function dateTime(iso: unknown, options: { seconds?: boolean } = {}): string {
	if (typeof iso !== 'string' || !iso) return UNKNOWN;
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return iso;
	return d.toLocaleString('en-GB', {
		day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
		...(options.seconds ? { second: '2-digit' } : {}), timeZone: 'Europe/London'
	});
}

// An intervention's figures in words (the intervention log and the pupil page): rows of
// datasets/interventions/log, attendance as fractions, the target's rate as a fraction.

/** Progress against an intervention's target since its start, in words, with its tone and badge. */
export interface Progress {
	text: string;
	tone: 'good' | 'bad' | 'neutral';
	/** The badge text: "On target", "Below target", or null. */
	badge: string | null;
}

/** Attendance since the start against the rate the target names (no progress when the target is not a rate). */
export function progressOf(r: Record<string, unknown>): Progress {
	const target = r.target_rate as number | null | undefined;
	const since = attendanceShown(r.since_attendance as number | null | undefined);
	if (!known(target)) return { text: r.target ? 'Target not a rate: no progress worked out' : 'No target', tone: 'neutral', badge: null };
	if (since === null || !r.since_possible) return { text: `Target ${percent(target)}; no sessions since the start yet`, tone: 'neutral', badge: null };
	const met = r.target_met === true;
	return {
		text: `${percent(since)} since the start against ${percent(target)} (${pointsBetween(since, target, 1, 'pts')})`,
		tone: met ? 'good' : 'bad',
		badge: met ? 'On target' : 'Below target'
	};
}

/** Attendance in the weeks before the start and since: "91.2% → 95.0%". */
export function beforeSince(r: Record<string, unknown>): string {
	const before = r.before_possible ? percent(attendanceShown(r.before_attendance as number | null)) : 'no sessions';
	const since = r.since_possible ? percent(attendanceShown(r.since_attendance as number | null)) : 'no sessions yet';
	return `${before} → ${since}`;
}

/** Who recorded it: the signed-in user on a page, or an import. */
export function sourceOf(r: Record<string, unknown>): string {
	if (r.recorded_by) return `Recorded by ${r.recorded_by}`;
	return r.import_id ? `Imported (#${r.import_id})` : '';
}

// Chart axes

/** A fraction as an axis tick: whole percentages bare ("94%"), others to one decimal place ("94.5%"). */
export function percentTick(fraction: Maybe): string {
	return known(fraction) ? `${roundPercent(fraction, 1)}%` : UNKNOWN;
}

/** The one short note a card gives where any of its figures is withheld (shown as WITHHELD_MARK). */
export const WITHHELD_NOTE = `${WITHHELD_MARK}: withheld, fewer than 5 pupils`;
