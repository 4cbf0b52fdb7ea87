import { resolveFilters } from '$lib/server/filters';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { LayoutServerLoad } from './$types';

/** Every view's filters (from the URL, with defaults) and what the filter bar offers. */
export const load: LayoutServerLoad = async ({ url }) => {
	const warehouse = await appWarehouse();
	const filters = await resolveFilters(url, warehouse);
	const [schools, cohorts] = await Promise.all([
		warehouse.query('reports/schools'),
		filters.from ? warehouse.query('reports/cohort_values', { from: filters.from, to: filters.to, school: filters.school }) : []
	]);
	return {
		filters,
		schools: schools as { urn: number; name: string; phase: string | null }[],
		cohorts: cohorts as { dimension: string; value: string; pupils: number }[]
	};
};
