import type { DataRow } from '$lib/arrow-client';
import { CATEGORY_COLOURS } from './palette';

/** The statistical categories of attendance codes, in the national code table's order, with the words a page uses. */
export const CATEGORY_LABELS: Record<string, string> = {
	present: 'Present',
	aea: 'Approved educational activity',
	authorised: 'Authorised absence',
	unauthorised: 'Unauthorised absence',
	not_possible: 'Not a possible session'
};

/** The categories in the order a legend lists them. */
export const CATEGORIES = Object.keys(CATEGORY_LABELS);

/** A row's category in words (the colour scale's domain). */
export const categoryLabel = (d: DataRow) => CATEGORY_LABELS[d.category as string] ?? String(d.category);

/** The colour scale of the categories (palette.ts), by their words, with a legend unless `legend` is false. */
export const categoryColour = (legend = true) => ({
	domain: CATEGORIES.map((c) => CATEGORY_LABELS[c]),
	range: CATEGORIES.map((c) => CATEGORY_COLOURS[c]),
	legend
});
