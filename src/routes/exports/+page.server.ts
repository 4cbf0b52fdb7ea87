import { error } from '@sveltejs/kit';
import { can } from '$lib/server/auth/roles';
import { exportProvenance, ukDate } from '$lib/server/exports/provenance';
import { suppressionThreshold } from '$lib/server/suppression';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { PageServerLoad } from './$types';

/** The exports page: what each download covers, with the provenance the files will record. */
export const load: PageServerLoad = async ({ parent, locals }) => {
	if (!can(locals.user, 'export')) error(403, 'Your role may not download exports');
	const { filters } = await parent();
	const provenance = await exportProvenance(await appWarehouse(), filters.school);
	return {
		metricVersion: provenance.metricVersion,
		dataTo: provenance.dataTo ? ukDate(provenance.dataTo) : null,
		threshold: suppressionThreshold(),
		canSeePupils: can(locals.user, 'pupils')
	};
};
