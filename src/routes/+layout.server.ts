import { resolveFilters } from '$lib/server/filters';
import { checked } from '$lib/server/respond';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { CAPABILITIES, can, canSeeSchool, mustSuppress } from '$lib/server/auth/roles';
import { suppressionThreshold } from '$lib/server/suppression';
import { coversAll } from '$lib/server/auth/scope';
import type { LayoutServerLoad } from './$types';

const ROLE_LABELS = { governor: 'Governor', slt: 'Senior leader', officer: 'Attendance officer', trust: 'Trust', admin: 'Admin' } as const;

/**
 * Every view's filters (from the URL, with defaults, held to the user's schools), what the filter bar
 * offers (only the user's schools), and the signed-in user with their capabilities, so pages can leave
 * out what the role may not see (the server refuses it anyway).
 */
export const load: LayoutServerLoad = async ({ url, locals }) => {
	const user = locals.user;
	if (!user) {
		return {
			user: null,
			capabilities: [] as string[],
			allSchools: false,
			filters: { school: null, year: null, from: null, to: null, yearGroup: null, cohort: null, years: [] },
			schools: [] as { urn: number; name: string; phase: string | null }[],
			cohorts: [] as { dimension: string; value: string; pupils: number }[]
		};
	}
	const warehouse = await appWarehouse();
	const filters = await checked(() => resolveFilters(url, warehouse, user));
	const [schools, cohorts] = await Promise.all([
		warehouse.read('reports/schools'),
		filters.from ? warehouse.read('reports/cohort_values', { from: filters.from, to: filters.to, school: filters.school }) : []
	]);
	// a role that sees aggregates only is not offered a group too small to show (nor told its size)
	const offered = (cohorts as { dimension: string; value: string; pupils: number }[]).filter(
		(c) => !mustSuppress(user) || c.pupils >= suppressionThreshold()
	);
	const mine = (schools as { urn: number; name: string; phase: string | null }[]).filter((s) => canSeeSchool(user, s.urn));
	return {
		user: { name: user.name, role: user.role, roleLabel: ROLE_LABELS[user.role], schools: user.schools },
		capabilities: CAPABILITIES.filter((c) => can(user, c)) as string[],
		/** Whether the user may see every school at once ("All schools"). */
		allSchools: coversAll(user, schools.map((s) => Number(s.urn))),
		filters,
		schools: mine,
		cohorts: offered
	};
};
