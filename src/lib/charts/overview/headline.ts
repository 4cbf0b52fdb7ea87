import type { DataRow } from '$lib/arrow-client';

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

/** A fraction as percentage points to one decimal (the figures as shown, so shown numbers add up). */
const points = (f: number) => Math.round(f * 1000) / 10;

export interface Change {
	arrow: '▲' | '▼' | '=';
	/** "0.5 points up on 2024/25" */
	text: string;
	tone: 'better' | 'worse' | 'same';
}

/**
 * The change from the year before, rounded as shown: `higherIsBetter` for attendance; units 'points'
 * (percentages) or 'days'.
 */
export function change(now: number, then: number, higherIsBetter: boolean, unit: 'points' | 'days', against: string): Change {
	const delta = unit === 'points' ? Math.round((points(now) - points(then)) * 10) / 10 : Math.round((now - then) * 10) / 10;
	if (delta === 0) return { arrow: '=', text: `same as ${against}`, tone: 'same' };
	const up = delta > 0;
	const size = `${Math.abs(delta).toFixed(1)} ${unit === 'points' ? 'points' : Math.abs(delta) === 1 ? 'day' : 'days'}`;
	return { arrow: up ? '▲' : '▼', text: `${size} ${up ? 'up' : 'down'} on ${against}`, tone: up === higherIsBetter ? 'better' : 'worse' };
}

const pct = (f: number) => `${points(f).toFixed(1)}%`;

/** A short interpretation of the headline in plain words, generated from its numbers. */
export function interpretation(h: Headline): string {
	const { current: c, previous: p } = h;
	const gap = Math.round((points(c.attendance) - points(h.target)) * 10) / 10;
	const target = `the ${points(h.target)}% target`;
	const onTarget = gap === 0 ? `exactly on ${target}` : `${Math.abs(gap).toFixed(1)} points ${gap < 0 ? 'below' : 'above'} ${target}`;
	const when = h.toDate ? `so far in ${c.year}` : `in ${c.year}`;
	let first = `Attendance ${when} is ${pct(c.attendance)}, ${onTarget}`;
	if (p) {
		const d = Math.round((points(c.attendance) - points(p.attendance)) * 10) / 10;
		const than = h.toDate ? `at the same point in ${p.year}` : `in ${p.year}`;
		first += d === 0 ? ` and the same as ${than}` : ` and ${Math.abs(d).toFixed(1)} points ${d > 0 ? 'better' : 'worse'} than ${than}`;
	}
	let second = `Pupils missed ${c.daysMissed.toFixed(1)} days each on average`;
	if (p) second += ` (${p.daysMissed.toFixed(1)}${h.toDate ? ' by this point' : ''} in ${p.year})`;
	second += `; ${pct(c.persistent)} of pupils were persistently absent`;
	if (c.nationalPersistent !== null) second += ` against ${pct(c.nationalPersistent)} nationally`;
	else if (p) second += ` (${pct(p.persistent)} in ${p.year})`;
	return `${first}. ${second}.`;
}
