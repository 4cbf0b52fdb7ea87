import { error, redirect } from '@sveltejs/kit';
import { UPN_PATTERN } from '$lib/server/datasets/pupil';
import { filterParams } from '$lib/server/filters';
import { FILTER_PARAMS } from '$lib/filters';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { PageServerLoad } from './$types';

export interface PupilProfile {
	upn: string;
	forename: string | null;
	surname: string | null;
	date_of_birth: string | null;
	sex: string | null;
	year_group: string | null;
	form: string | null;
	fsm: boolean | null;
	pupil_premium: boolean | null;
	sen: 'N' | 'K' | 'E' | null;
	eal: boolean | null;
	cla: boolean | null;
	child_in_need: boolean | null;
	child_protection_plan: boolean | null;
	young_carer: boolean | null;
	school_urn: number | null;
	school_name: string | null;
	start_date: string | null;
	end_date: string | null;
}

/**
 * One pupil's header and year-to-date figures (small: the charts fetch their own datasets). The UPN is
 * checked (400 when it is not a letter and 12 digits, 404 when the pupil is not in the warehouse). A year
 * group or cohort filter means nothing for one pupil: the page drops it from the URL.
 */
export const load: PageServerLoad = async ({ params, parent, url }) => {
	const upn = params.upn;
	if (!UPN_PATTERN.test(upn)) {
		if (UPN_PATTERN.test(upn.toUpperCase())) redirect(308, `/pupils/${upn.toUpperCase()}${url.search}`);
		error(400, `'${upn.slice(0, 20)}' is not a UPN: a UPN is a capital letter and 12 digits`);
	}
	if (url.searchParams.has(FILTER_PARAMS.yearGroup) || url.searchParams.has(FILTER_PARAMS.cohort)) {
		const kept = new URLSearchParams(url.searchParams);
		kept.delete(FILTER_PARAMS.yearGroup);
		kept.delete(FILTER_PARAMS.cohort);
		redirect(307, `/pupils/${upn}${kept.size ? `?${kept}` : ''}`);
	}
	const { filters } = await parent();
	const warehouse = await appWarehouse();
	const sql = filterParams(filters);
	const [profile, yearToDate] = await Promise.all([
		warehouse.query('views/pupil/profile', { upn, year_start: sql.year_start }),
		warehouse.query('views/pupil/year_to_date', { ...sql, upn })
	]);
	if (profile.length === 0) error(404, `No pupil with UPN ${upn} is in the warehouse`);
	const rows = profile as unknown as PupilProfile[];
	return {
		upn,
		pupil: rows[0],
		enrolments: rows.filter((r) => r.school_urn !== null),
		yearToDate: yearToDate as Record<string, number | boolean | string | null>[]
	};
};
