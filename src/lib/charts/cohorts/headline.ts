import type { DataRow } from '$lib/arrow-client';
import { percent, roundPercent } from '$lib/catalog/format';
import { groupPhrase, SMALL_GROUP } from './measures';

export interface Headline {
	/** Whole scope, from any group's parts plus its rest's. */
	overall: { pupils: number; absenceRate: number | null; persistent: number } | null;
	/** The largest gaps to the rest of school, as sentences. */
	sentences: string[];
}

/**
 * The sentences at the top of the page: the groups (of at least 10 pupils, with at least 10 others to
 * compare with) that miss the most sessions compared with everyone else, one per dimension, largest first.
 * Unclassified ethnicity is a gap in the records rather than a group, and is left out.
 */
export function headline(rows: DataRow[], count = 3): Headline {
	const any = rows[0];
	let overall: Headline['overall'] = null;
	if (any) {
		const possible = (any.possible_sessions as number) + (any.rest_possible_sessions as number);
		const absent = (any.absent_sessions as number) + (any.rest_absent_sessions as number);
		overall = {
			pupils: (any.pupils as number) + (any.rest_pupils as number),
			absenceRate: possible ? absent / possible : null,
			persistent: (any.persistent_pupils as number) + (any.rest_persistent_pupils as number)
		};
	}
	const seen = new Set<string>();
	const picked = rows
		.filter((d) => d.value !== 'Unclassified' && (d.pupils as number) >= SMALL_GROUP && (d.rest_pupils as number) >= SMALL_GROUP && (d.gap_to_rest_points as number) >= 0.5)
		.sort((a, b) => (b.gap_to_rest_points as number) - (a.gap_to_rest_points as number))
		.filter((d) => !seen.has(d.dimension as string) && seen.add(d.dimension as string))
		.slice(0, count);
	const sentences = picked.map((d) => {
		const who = groupPhrase(d.value as string);
		// the gap between the two figures as shown, so that a reader subtracting them gets the gap written
		const gap = roundPercent(d.absence_rate as number) - roundPercent(d.rest_absence_rate as number);
		let text = `${who} miss ${gap.toFixed(1)} percentage points more of their sessions than other pupils ` +
			`(${percent(d.absence_rate as number)} against ${percent(d.rest_absence_rate as number)})` +
			// a persistent-absence figure withheld for small numbers (governors) is left out
			(d.persistent_percent === null ? '.' : `; ${percent(d.persistent_percent as number)} of them are persistently absent.`);
		if (d.national_absence_rate !== null)
			text += ` Nationally the figure for this group is ${percent(d.national_absence_rate as number)} (${d.national_period}).`;
		return text;
	});
	return { overall, sentences };
}
