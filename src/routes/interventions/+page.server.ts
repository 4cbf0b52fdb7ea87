import { filterParams } from '$lib/server/filters';
import { INTERVENTIONS, WEEKS_BEFORE } from '$lib/catalog/datasets/interventions';
import { readParams } from '$lib/catalog/params';
import { checked } from '$lib/server/respond';
import { interventionTypes } from '$lib/server/interventions';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { PageServerLoad } from './$types';

/**
 * The intervention log's page: the types (for the type filter), the log's own parameters from the URL
 * (type, status, weeks; 400 when malformed) and the day it is as of (the latest marked day in the period).
 * The rows themselves come from /api/interventions/log in the browser.
 */
export const load: PageServerLoad = async ({ url, parent }) => {
	const { filters } = await parent();
	const params = checked(() => readParams(INTERVENTIONS.log.params, (key) => url.searchParams.get(key)));
	const warehouse = await appWarehouse();
	const sql = filterParams(filters);
	const [types, [asOf]] = await Promise.all([interventionTypes(warehouse), warehouse.read('datasets/interventions/as_of', { ...sql })]);
	return {
		types: types.map((t) => ({ name: t.name, retired: t.retired_at !== null })),
		type: params.type,
		status: params.status,
		weeks: params.weeks,
		weeksDefault: WEEKS_BEFORE.default,
		asOf: (asOf?.as_of as string | null) ?? null
	};
};
