import { filterParams } from '$lib/server/filters';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { PageServerLoad } from './$types';

export interface PupilMatch {
	upn: string;
	forename: string | null;
	surname: string | null;
	school_urn: number;
	school_name: string;
	year_group: string | null;
	form: string | null;
	possible_sessions: number | null;
	absent_sessions: number | null;
	absence_rate: number | null;
	persistent: boolean | null;
	severe: boolean | null;
	total: number;
}

/**
 * Find a pupil: the search runs on the server (datasets/pupil/search, the text a bound parameter), at most
 * 50 rows, for the chosen school and filters. Without text: the pupils with the highest absence.
 */
export const load: PageServerLoad = async ({ parent, url }) => {
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const { filters } = await parent();
	const warehouse = await appWarehouse();
	const results = filters.from ? ((await warehouse.read('datasets/pupil/search', { ...filterParams(filters), q })) as unknown as PupilMatch[]) : [];
	return { q, results, total: results[0]?.total ?? 0 };
};
