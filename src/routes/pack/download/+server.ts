import { scopedRequest } from '$lib/server/pack/access';
import { buildPack } from '$lib/server/pack';
import { guarded } from '$lib/server/respond';
import { packCsv } from '$lib/server/pack/csv';
import type { RequestHandler } from './$types';

/**
 * The pack's figures as CSV (?school=&ht=): the same numbers as the page, withheld ones as 'c'. The pack
 * itself (with its chart) is printed or saved as PDF from the page; this is for the clerk's own tables.
 */
export const GET: RequestHandler = guarded(async ({ url, locals }) => {
	const { warehouse, school, halfTermDate } = await scopedRequest(url, locals.user, 'export');
	const pack = await buildPack(warehouse, school, halfTermDate);
	const name = `governors-pack-${pack.school.urn ?? 'trust'}-${pack.halfTerm.start_date}.csv`;
	return new Response(packCsv(pack), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
});
