import { can } from '$lib/server/auth/roles';
import { scopedRequest } from '$lib/server/pack/access';
import { buildPack, packHalfTerms } from '$lib/server/pack';
import { checked } from '$lib/server/respond';
import type { PageServerLoad } from './$types';

/** The governors' pack for the chosen school (or the trust) and half-term (?ht=, default the latest). */
export const load: PageServerLoad = ({ url, locals }) =>
	checked(async () => {
		const { warehouse, school, halfTermDate } = await scopedRequest(url, locals.user, 'aggregates');
		const halfTerms = await packHalfTerms(warehouse, school);
		const pack = await buildPack(warehouse, school, halfTermDate, halfTerms);
		return { pack, halfTerms: halfTerms.toReversed(), canExport: can(locals.user, 'export') };
	});
