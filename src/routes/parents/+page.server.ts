import { parentsForRequest } from '$lib/server/exports/parents-request';
import { packHalfTerms } from '$lib/server/pack';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { checked } from '$lib/server/respond';
import type { PageServerLoad } from './$types';

/** Each pupil's half-termly figures for the chosen school, half-term (?ht=), year group (?yg=) and pupils (?upns=). */
export const load: PageServerLoad = async ({ url, locals }) => {
	const report = await checked(() => parentsForRequest(url, locals.user));
	const halfTermOptions = (await packHalfTerms(await appWarehouse(), report.school)).toReversed();
	return { ...report, halfTermOptions, chosen: url.searchParams.get('ht') ?? '' };
};
