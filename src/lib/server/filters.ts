import { AccessError, InputError, NotFoundError } from '../catalog/errors';
import { COHORT_DIMENSIONS, FILTERS, parseCohort, readParams } from '../catalog/params';
import { canSeeSchool, type SessionUser } from './auth/roles';
import { defaultSchool, warehouseSchools } from './auth/scope';
import type { Warehouse } from './warehouse';
import type { Filters } from '../filters';

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
 * Reads and checks the filters of a request's URL (catalog FILTERS: an InputError on anything malformed)
 * and fills the defaults: the latest academic year with marks, and its dates unless from/to narrow them.
 * With a user (the request's locals.user) the school is held to the user's scope: an AccessError for a
 * school outside it, and a school-scoped user who names none gets their first school (or every school,
 * when theirs are all). Without a user argument (the command line) nothing is narrowed; a null user
 * (nobody signed in) is refused.
 */
export async function resolveFilters(url: URL, warehouse: Warehouse, user?: SessionUser | null): Promise<ResolvedFilters> {
	if (user === null) throw new AccessError(401, 'sign in first');
	const given = readParams(FILTERS, (key) => url.searchParams.get(key));
	let school = given.school;
	if (user) {
		if (school !== null && !canSeeSchool(user, school)) throw new AccessError(403, `You do not have access to school ${school}`);
		if (school === null) school = defaultSchool(user, await warehouseSchools(warehouse));
	}
	const years = (await warehouse.read('reports/filter_options', { school }, { keep: true })) as ResolvedFilters['years'];
	const chosen = years.find((y) => y.year === given.year) ?? (given.year ? null : (years[0] ?? null));
	if (given.year && !chosen) throw new NotFoundError(`no marks in ${given.year}`);
	const from = given.from ?? chosen?.year_start ?? null;
	const to = given.to ?? chosen?.year_end ?? null;
	if (from && to && from > to) throw new InputError('from is after to');
	return { school, year: chosen?.year ?? null, from, to, yearGroup: given.yg, cohort: given.cohort, years };
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
