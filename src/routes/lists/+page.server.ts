import { InputError } from '$lib/catalog/errors';
import { LISTS, type ListName } from '$lib/server/lists';
import { checkDate } from '$lib/server/reports';
import { latestDay, listInfo } from '$lib/server/lists';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { PageServerLoad } from './$types';

/** The casework lists (label, parameters) and the date their counts are as of: `on`, else the latest marked day. */
export const load: PageServerLoad = async ({ url, parent }) => {
	const { filters } = await parent();
	const warehouse = await appWarehouse();
	const latest = await latestDay(warehouse, filters.school);
	let on = latest;
	let problem: string | null = null;
	try {
		on = checkDate(url.searchParams.get('on') || undefined, 'the as-of date') ?? latest;
	} catch (e) {
		if (!(e instanceof InputError)) throw e;
		problem = e.message;
	}
	return { lists: (Object.keys(LISTS) as ListName[]).map(listInfo), latest, on, givenOn: url.searchParams.get('on') ?? '', problem };
};
