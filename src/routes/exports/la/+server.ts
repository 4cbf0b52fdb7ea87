import { error } from '@sveltejs/kit';
import { can, canSeeSchool } from '$lib/server/auth/roles';
import { coversAll, warehouseSchools } from '$lib/server/auth/scope';
import { buildLaExport, laCsv, laFileName, laXlsx, parseTerm } from '$lib/server/exports/la';
import { resolveFilters } from '$lib/server/filters';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { guarded } from '$lib/server/respond';
import type { RequestHandler } from './$types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The LA benchmark return as a download: ?school=URN (or none: every school the user may see at once)
 * &year=2024/25 &term=autumn|spring|summer &national_cohort=1 &format=csv|xlsx.
 */
export const GET: RequestHandler = guarded(async ({ url, locals }) => {
	if (!can(locals.user, 'export')) error(403, 'Your role may not download exports');
	const warehouse = await appWarehouse();
	// holds the school to the user's scope (403 outside it; a school-scoped user's own school when none is named)
	const filters = await resolveFilters(url, warehouse, locals.user);
	if (filters.school !== null && !canSeeSchool(locals.user, filters.school)) error(403, `You do not have access to school ${filters.school}`);
	if (filters.school === null && !coversAll(locals.user!, await warehouseSchools(warehouse))) error(403, 'You do not have access to the whole trust');
	if (!filters.year) error(404, 'There are no marks to export yet');
	const term = parseTerm(url.searchParams.get('term'));
	const format = url.searchParams.get('format') ?? 'csv';
	if (format !== 'csv' && format !== 'xlsx') error(400, 'format must be csv or xlsx');
	const options = { year: filters.year, term, school: filters.school, nationalCohort: url.searchParams.get('national_cohort') === '1' };
	const exp = await buildLaExport(warehouse, options);
	if (!exp.rows.length) error(404, `No marks in ${filters.year} to export`);
	const body = format === 'xlsx' ? new Uint8Array(await laXlsx(exp)) : laCsv(exp);
	return new Response(body, {
		headers: {
			'content-type': format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${laFileName(options, format)}"`,
			'cache-control': 'no-store'
		}
	});
});
