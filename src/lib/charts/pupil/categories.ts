import { CATEGORY_COLOURS } from '../palette';

/** The statistical categories of attendance codes, in the order a legend lists them. */
export const CATEGORIES = ['present', 'aea', 'authorised', 'unauthorised', 'not_possible'] as const;

export const CATEGORY_LABELS: Record<string, string> = {
	present: 'Present',
	aea: 'Approved educational activity',
	authorised: 'Authorised absence',
	unauthorised: 'Unauthorised absence',
	not_possible: 'Not a possible session'
};

/** The colour scale of the categories (palette.ts), with their labels in the legend. */
export const categoryColour = {
	domain: [...CATEGORIES],
	range: CATEGORIES.map((c) => CATEGORY_COLOURS[c]),
	tickFormat: (c: string) => CATEGORY_LABELS[c] ?? c
};

/** Text drawn on a category's colour: white on the dark blue of present marks, else near-black. */
export const textOn = (category: string) => (category === 'present' ? '#ffffff' : '#1b1f24');

/** An ISO date as a UTC Date (the charts' dates are days, not instants). */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "Wed 4 Sep 2024" */
export const shortDay = (iso: string) =>
	day(iso).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
