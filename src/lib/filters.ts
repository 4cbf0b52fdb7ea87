/** The dashboard's filters, as they live in the URL (shared by server and browser). */
export interface Filters {
	school: number | null;
	/** Academic year label, '2025/26'. */
	year: string | null;
	from: string | null;
	to: string | null;
	/** Year group label ('Year 7', 'Reception') or null for all. */
	yearGroup: string | null;
	/** A cohort as dimension:value ('fsm:FSM eligible') or null. */
	cohort: string | null;
}

/** URL parameter names of the filters. */
export const FILTER_PARAMS = { school: 'school', year: 'year', from: 'from', to: 'to', yearGroup: 'yg', cohort: 'cohort' } as const;

export const DIMENSION_LABELS: Record<string, string> = {
	year_group: 'Year group',
	sex: 'Sex',
	fsm: 'Free school meals',
	pupil_premium: 'Pupil premium',
	sen: 'SEN',
	eal: 'English as an additional language',
	ethnicity: 'Ethnicity (major group)',
	cla: 'Looked-after children'
};

/** The query string for a set of filters (only those set). */
export function filterQuery(filters: Partial<Filters>): string {
	const params = new URLSearchParams();
	for (const [key, name] of Object.entries(FILTER_PARAMS)) {
		const value = filters[key as keyof Filters];
		if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}
