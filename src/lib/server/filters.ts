import { error } from '@sveltejs/kit';
import { COHORT_DIMENSIONS, checkDate, parseCohort } from './reports';
import { canSeeSchool, type SessionUser } from './auth/roles';
import { defaultSchool, warehouseSchools } from './auth/scope';
import type { Warehouse } from './warehouse';
import { FILTER_PARAMS, type Filters } from '../filters';

export interface ResolvedFilters extends Filters {
	from: string | null;
	to: string | null;
	/** The academic years on offer, newest first. */
	years: { year: string; year_start: string; year_end: string }[];
}

/** SQL parameters of resolved filters, as every dashboard query takes them. */
export interface FilterParams {
	from: string | null;
	to: string | null;
	school: number | null;
	year_start: string | null;
	year_group: string | null;
	cohort_dimension: string | null;
	cohort_value: string | null;
}

/**
 * Reads and checks the filters of a request's URL (400 on anything malformed) and fills the defaults:
 * the latest academic year with marks, and its dates unless from/to narrow them. With a user (the
 * request's locals.user) the school is held to the user's scope: 403 for a school outside it, and a
 * school-scoped user who names none gets their first school (or every school, when theirs are all).
 * Without a user argument (the command line) nothing is narrowed; a null user (nobody signed in) is 401.
 */
export async function resolveFilters(url: URL, warehouse: Warehouse, user?: SessionUser | null): Promise<ResolvedFilters> {
	const get = (key: keyof typeof FILTER_PARAMS) => url.searchParams.get(FILTER_PARAMS[key]) || null;
	const schoolText = get('school');
	if (schoolText !== null && !/^\d{1,8}$/.test(schoolText)) error(400, 'school must be a URN');
	let school = schoolText === null ? null : Number(schoolText);
	if (user === null) error(401, 'sign in first');
	if (user) {
		if (school !== null && !canSeeSchool(user, school)) error(403, `You do not have access to school ${school}`);
		if (school === null) school = defaultSchool(user, await warehouseSchools(warehouse));
	}
	let from: string | null, to: string | null;
	try {
		from = checkDate(get('from') ?? undefined, 'from') ?? null;
		to = checkDate(get('to') ?? undefined, 'to') ?? null;
		parseCohort(get('cohort'));
	} catch (e) {
		error(400, (e as Error).message);
	}
	const yearText = get('year');
	if (yearText !== null && !/^\d{4}\/\d{2}$/.test(yearText)) error(400, 'year must be an academic year such as 2025/26');
	const years = (await warehouse.cachedQuery('reports/filter_options', { school })) as ResolvedFilters['years'];
	const chosen = years.find((y) => y.year === yearText) ?? (yearText ? null : years[0] ?? null);
	if (yearText && !chosen) error(404, `no marks in ${yearText}`);
	from ??= chosen?.year_start ?? null;
	to ??= chosen?.year_end ?? null;
	if (from && to && from > to) error(400, 'from is after to');
	return { school, year: chosen?.year ?? null, from, to, yearGroup: get('yearGroup'), cohort: get('cohort'), years };
}

export function filterParams(f: ResolvedFilters): FilterParams {
	const cohort = parseCohort(f.cohort);
	return {
		from: f.from,
		to: f.to,
		school: f.school,
		year_start: f.years.find((y) => y.year === f.year)?.year_start ?? f.from,
		year_group: f.yearGroup,
		cohort_dimension: cohort?.dimension ?? null,
		cohort_value: cohort?.value ?? null
	};
}

export { COHORT_DIMENSIONS };
