import { datasetRows, checked } from '$lib/server/respond';
import { NO_MARKS_SUMMARY } from '$lib/server/reports';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { PageServerLoad } from './$types';

/**
 * The Summary: the same datasets as /api/summary/totals and /api/codes/totals for this user and URL (small
 * numbers withheld for roles that see aggregates only), and the latest imports.
 */
export const load: PageServerLoad = async ({ parent, url, locals }) => {
	const { filters } = await parent();
	const warehouse = await appWarehouse();
	const user = locals.user!;
	const [summary, codes, imports] = await Promise.all([
		filters.from ? checked(() => datasetRows(warehouse, user, 'summary', 'totals', url)) : [],
		filters.from ? checked(() => datasetRows(warehouse, user, 'codes', 'totals', url)) : [],
		warehouse.read('reports/recent_imports', { limit: 5 })
	]);
	return { summary: summary[0] ?? NO_MARKS_SUMMARY, codes, imports };
};
