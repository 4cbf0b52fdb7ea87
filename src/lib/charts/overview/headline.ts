import type { DataRow } from '$lib/arrow-client';
import { percent, percentTick, roundPercent } from '$lib/catalog/format';

/** One period's figures as the headline shows them (rates as fractions). */
export interface Figures {
	year: string;
	start: string | null;
	end: string | null;
	pupils: number;
	attendance: number;
	daysMissed: number;
	persistent: number;
	persistentPupils: number;
	severe: number;
	severePupils: number;
	nationalAbsence: number | null;
	nationalPersistent: number | null;
	nationalSevere: number | null;
	nationalPeriod: string | null;
	nationalSource: string | null;
}

export interface Headline {
	current: Figures;
	/** The year before: to the same date while the chosen year is under way, else the whole year. */
	previous: Figures | null;
	/** true when the comparison is with the year before up to the same date. */
	toDate: boolean;
	/** The attendance target as a fraction. */
	target: number;
}

/** '2025/26' → '2024/25'. */
export function yearBefore(year: string): string {
	const start = Number(year.slice(0, 4)) - 1;
	return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

function figures(r: DataRow): Figures {
	const n = (k: string) => r[k] as number;
	const nn = (k: string) => (r[k] === null || r[k] === undefined ? null : (r[k] as number));
	return {
		year: r.academic_year as string,
		start: r.start_date as string | null,
		end: r.end_date as string | null,
		pupils: n('pupils'),
		attendance: n('attendance_rate'),
		daysMissed: n('days_missed_per_pupil'),
		persistent: n('persistent_percent'),
		persistentPupils: n('persistent_pupils'),
		severe: n('severe_percent'),
		severePupils: n('severe_pupils'),
		nationalAbsence: nn('national_overall_absence_rate'),
		nationalPersistent: nn('national_persistent_percent'),
		nationalSevere: nn('national_severe_percent'),
		nationalPeriod: (r.national_period as string | null) ?? null,
		nationalSource: (r.national_source as string | null) ?? null
	};
}

/** The chosen year's figures against the year before and the target, from the periods rows (year grains). */
export function buildHeadline(rows: DataRow[], year: string | null, targetPercent: number): Headline | null {
	if (!year) return null;
	const row = (grain: string, y: string) => rows.find((r) => r.grain === grain && r.academic_year === y);
	const current = row('year', year);
	if (!current) return null;
	const before = yearBefore(year);
	const toDateRow = row('year_to_date', before);
	const previous = toDateRow ?? row('year', before);
	return { current: figures(current), previous: previous ? figures(previous) : null, toDate: !!toDateRow, target: targetPercent / 100 };
}

/** The change from the year before as a card shows it: the catalog's (kept here for the pages that imported it from here). */
export { change, type Change } from '$lib/catalog/format';

/** a − b in percentage points between the two fractions as shown (94.6% and 95% differ by 0.4). */
const pointsShown = (a: number, b: number) => Math.round((roundPercent(a) - roundPercent(b)) * 10) / 10;

/** A short interpretation of the headline in plain words, generated from its numbers. */
export function interpretation(h: Headline): string {
	const { current: c, previous: p } = h;
	// figures withheld for small numbers (null for governors) are neither stated nor compared
	if (c.attendance === null || c.daysMissed === null) return `The figures for ${c.year} are withheld (fewer than 5 pupils).`;
	const gap = pointsShown(c.attendance, h.target);
	const target = `the ${percentTick(h.target)} target`;
	const onTarget = gap === 0 ? `exactly on ${target}` : `${Math.abs(gap).toFixed(1)} points ${gap < 0 ? 'below' : 'above'} ${target}`;
	const when = h.toDate ? `so far in ${c.year}` : `in ${c.year}`;
	let first = `Attendance ${when} is ${percent(c.attendance)}, ${onTarget}`;
	if (p && p.attendance !== null) {
		const d = pointsShown(c.attendance, p.attendance);
		const than = h.toDate ? `at the same point in ${p.year}` : `in ${p.year}`;
		first += d === 0 ? ` and the same as ${than}` : ` and ${Math.abs(d).toFixed(1)} points ${d > 0 ? 'better' : 'worse'} than ${than}`;
	}
	let second = `Pupils missed ${c.daysMissed.toFixed(1)} days each on average`;
	if (p && p.daysMissed !== null) second += ` (${p.daysMissed.toFixed(1)}${h.toDate ? ' by this point' : ''} in ${p.year})`;
	if (c.persistent === null) return `${first}. ${second}; the share persistently absent is withheld (fewer than 5 pupils).`;
	second += `; ${percent(c.persistent)} of pupils were persistently absent`;
	if (c.nationalPersistent !== null) second += ` against ${percent(c.nationalPersistent)} nationally`;
	else if (p && p.persistent !== null) second += ` (${percent(p.persistent)} in ${p.year})`;
	return `${first}. ${second}.`;
}
