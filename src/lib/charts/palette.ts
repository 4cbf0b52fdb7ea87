/** Okabe–Ito: a categorical palette that colour-blind readers can tell apart. */
export const CATEGORICAL = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

/** The school's own figure, its target and the national figure, in every chart alike. */
export const SERIES = { school: '#0072B2', target: '#009E73', national: '#D55E00', other: '#999999' } as const;

/** A sequential scheme for heat maps (light to dark, readable in greyscale). */
export const HEAT_SCHEME = 'blues';

/** Attendance code categories. */
export const CATEGORY_COLOURS: Record<string, string> = {
	present: '#0072B2',
	aea: '#56B4E9',
	authorised: '#E69F00',
	unauthorised: '#D55E00',
	not_possible: '#BBBBBB'
};
