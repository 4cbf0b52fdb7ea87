import type { DataRow } from '$lib/arrow-client';
import { percent } from '$lib/catalog/format';
import { FILTER_PARAMS } from '$lib/filters';

/** Groups with fewer pupils than this are flagged: one or two pupils move their rates a long way. */
export const SMALL_GROUP = 10;

export type Measure = 'absence' | 'pa';

/** The columns behind each measure the page can show: the group's, the rest of school's and national. */
export const MEASURES = {
	absence: {
		label: 'Absence rate',
		value: 'absence_rate',
		rest: 'rest_absence_rate',
		gap: 'gap_to_rest_points',
		national: 'national_absence_rate',
		nationalGap: 'gap_to_national_points',
		nationalPeriod: 'national_period'
	},
	pa: {
		label: 'Persistent absence',
		value: 'persistent_percent',
		rest: 'rest_persistent_percent',
		gap: 'gap_to_rest_persistent_points',
		national: 'national_persistent_percent',
		nationalGap: 'gap_to_national_persistent_points',
		nationalPeriod: 'national_persistent_period'
	}
} as const;

export const asMeasure = (text: string | null): Measure => (text === 'pa' ? 'pa' : 'absence');

/** The catalog's percent, under the name the Cohorts page imported it by (until it imports the catalog's). */
export const pct = percent;

/** Percentage points (a gap the dataset worked out) with a sign: "+4.2 pts", "−1.0 pts" (the Cohorts page's table; the charts show gaps with pointsBetween). */
export function points(p: number | null | undefined): string {
	if (p === null || p === undefined) return '–';
	const text = Math.abs(p).toFixed(1);
	return text === '0.0' ? '0.0 pts' : `${p > 0 ? '+' : '−'}${text} pts`;
}

/** A chart wider than its card scrolls sideways rather than squeezing its labels. */
export function scrollable(chart: Element): Element {
	const box = document.createElement('div');
	box.style.overflowX = 'auto';
	box.append(chart);
	return box;
}

export const isSmall = (d: DataRow): boolean => (d.pupils as number) < SMALL_GROUP;

/** The dashboard filters of a URL (and nothing else), to pass on to datasets and links. */
export function filterSearch(url: URL): URLSearchParams {
	const out = new URLSearchParams();
	for (const name of Object.values(FILTER_PARAMS)) {
		const v = url.searchParams.get(name);
		if (v) out.set(name, v);
	}
	return out;
}

/** The page listing a group's pupils (or a crossed cell's: two dimension/value pairs). */
export function pupilsHref(url: URL, dimension: string, value: string, dimension2?: string, value2?: string): string {
	const q = filterSearch(url);
	q.set('dimension', dimension);
	q.set('value', value);
	if (dimension2 && value2) {
		q.set('dimension2', dimension2);
		q.set('value2', value2);
	}
	return `/cohorts/pupils?${q}`;
}

const PHRASES: Record<string, string> = {
	'FSM eligible': 'FSM-eligible pupils',
	'Not FSM eligible': 'Pupils not eligible for free school meals',
	'Pupil premium': 'Pupil premium pupils',
	'Not pupil premium': 'Pupils without pupil premium',
	'No SEN': 'Pupils with no SEN',
	'SEN support': 'Pupils on SEN support',
	'EHC plan': 'Pupils with an EHC plan',
	EAL: 'Pupils with English as an additional language',
	'Not EAL': 'Pupils with English as their first language',
	'Looked after': 'Looked-after children',
	'Not looked after': 'Pupils not looked after',
	Female: 'Girls',
	Male: 'Boys',
	'Any other ethnic group': 'Pupils of any other ethnic group',
	Unclassified: 'Pupils whose ethnicity is unclassified'
};

/** A group as the subject of a sentence: "FSM-eligible pupils", "Year 9 pupils". */
export const groupPhrase = (value: string): string => PHRASES[value] ?? `${value} pupils`;
