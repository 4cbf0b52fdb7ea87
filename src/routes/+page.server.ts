import { error } from '@sveltejs/kit';
import { runReport, checkDate } from '$lib/server/reports';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const warehouse = await appWarehouse();
	const schoolParam = url.searchParams.get('school');
	if (schoolParam !== null && !/^\d{1,8}$/.test(schoolParam)) error(400, 'school must be a URN');
	let from: string | undefined, to: string | undefined;
	try {
		from = checkDate(url.searchParams.get('from') ?? undefined, 'from');
		to = checkDate(url.searchParams.get('to') ?? undefined, 'to');
	} catch (e) {
		error(400, (e as Error).message);
	}
	const range = { from, to, school: schoolParam === null ? null : Number(schoolParam) };
	const [summary, weekday, codes, schools, imports] = await Promise.all([
		runReport(warehouse, 'summary', range),
		runReport(warehouse, 'weekday', range),
		runReport(warehouse, 'codes', range),
		warehouse.query('reports/schools'),
		warehouse.query('reports/recent_imports', { limit: 5 })
	]);
	return {
		range: { from: summary.from, to: summary.to, school: range.school },
		summary: summary.rows[0],
		weekday: weekday.rows,
		codes: codes.rows,
		schools,
		imports
	};
};
