import { parseCohort, runReport } from '$lib/server/reports';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { filters } = await parent();
	const warehouse = await appWarehouse();
	const range = {
		from: filters.from ?? undefined,
		to: filters.to ?? undefined,
		school: filters.school,
		yearGroup: filters.yearGroup,
		cohort: parseCohort(filters.cohort)
	};
	const [summary, codes, imports] = await Promise.all([
		runReport(warehouse, 'summary', range),
		runReport(warehouse, 'codes', range),
		warehouse.read('reports/recent_imports', { limit: 5 })
	]);
	return { summary: summary.rows[0], codes: codes.rows, imports };
};
