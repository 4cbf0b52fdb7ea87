import { error } from '@sveltejs/kit';
import { can } from '$lib/server/auth/roles';
import { scopedRequest } from '$lib/server/pack/access';
import { buildPack, packHalfTerms, PackError } from '$lib/server/pack';
import type { PageServerLoad } from './$types';

/** The governors' pack for the chosen school (or the trust) and half-term (?ht=, default the latest). */
export const load: PageServerLoad = async ({ url, locals }) => {
	const { warehouse, school, halfTermDate } = await scopedRequest(url, locals.user, 'aggregates');
	try {
		const halfTerms = await packHalfTerms(warehouse, school);
		const pack = await buildPack(warehouse, school, halfTermDate, halfTerms);
		return { pack, halfTerms: halfTerms.toReversed(), canExport: can(locals.user, 'export') };
	} catch (e) {
		if (e instanceof PackError) error(e.status, e.message);
		throw e;
	}
};
