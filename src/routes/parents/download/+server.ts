import { parentsForRequest } from '$lib/server/exports/parents-request';
import { parentsCsv } from '$lib/server/exports/parents';
import { guarded } from '$lib/server/respond';
import type { RequestHandler } from './$types';

/** The mail-merge CSV of the reports to parents, for the same request as the page (one row per pupil). */
export const GET: RequestHandler = guarded(async ({ url, locals }) => {
	const report = await parentsForRequest(url, locals.user);
	const first = report.halfTerms[0]?.halfTerm.start_date ?? 'none';
	const name = `parents-${report.school ?? 'trust'}-${first}.csv`;
	return new Response(parentsCsv(report.rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
});
