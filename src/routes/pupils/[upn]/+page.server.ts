import { error, fail, redirect } from '@sveltejs/kit';
import { can, canSeeSchool, type SessionUser } from '$lib/server/auth/roles';
import { audit } from '$lib/server/auth/audit';
import type { Warehouse } from '$lib/server/warehouse';
import { WEEKS_BEFORE } from '$lib/catalog/datasets/interventions';
import { UPN_PATTERN } from '$lib/catalog/params';
import { filterParams } from '$lib/server/filters';
import { FILTER_PARAMS } from '$lib/filters';
import {
	changeIntervention,
	checkNewIntervention,
	interventionById,
	interventionTypes,
	InterventionProblem,
	recordIntervention
} from '$lib/server/interventions';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { schoolsParam } from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

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
	/** The day the pupil left this school (sql/rules/on_roll.sql), null while on roll. */
	left_on: string | null;
}

/**
 * One pupil's header and year-to-date figures (small: the charts fetch their own datasets). The UPN is
 * checked (400 when it is not a letter and 12 digits, 404 when the pupil is not in the warehouse). A year
 * group or cohort filter means nothing for one pupil: the page drops it from the URL.
 */
export const load: PageServerLoad = async ({ params, parent, url, locals }) => {
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
	// the pupil's rows at the user's schools only (sql/rules/scope.sql)
	const scope = schoolsParam(locals.user!);
	const [profile, yearToDate, interventions, history, types, schools] = await Promise.all([
		warehouse.read('datasets/pupil/profile', { upn, year_start: sql.year_start, schools: scope }),
		warehouse.read('datasets/pupil/year_to_date', { ...sql, upn, schools: scope }),
		warehouse.read('datasets/interventions/log', { ...sql, upn, type: null, status: null, weeks: WEEKS_BEFORE.default, schools: scope }),
		warehouse.read('datasets/interventions/history', { upn, schools: scope }),
		interventionTypes(warehouse),
		warehouse.read('datasets/interventions/pupil_schools', { upn, schools: scope })
	]);
	if (profile.length === 0) error(404, `No pupil with UPN ${upn} is in the warehouse`);
	const rows = profile as unknown as PupilProfile[];
	// who may record: the interventions capability, at a school of the pupil's the user may see
	const recordSchools = can(locals.user, 'interventions')
		? (schools as { school_urn: number; school_name: string }[]).filter((s) => canSeeSchool(locals.user, s.school_urn))
		: [];
	return {
		upn,
		pupil: rows[0],
		enrolments: rows.filter((r) => r.school_urn !== null),
		yearToDate: yearToDate as Record<string, number | boolean | string | null>[],
		interventions: interventions as Record<string, string | number | boolean | null>[],
		interventionHistory: history as Record<string, string | number | null>[],
		weeksBefore: WEEKS_BEFORE.default,
		/** The types a new intervention may have (the list's current ones, in its order). */
		interventionTypes: types.filter((t) => !t.retired_at).map((t) => t.name),
		recordSchools
	};
};

/** The fields a form sent, as strings (null when absent). */
function fields<K extends string>(form: FormData, names: K[]): Record<K, string | null> {
	return Object.fromEntries(names.map((n) => [n, typeof form.get(n) === 'string' ? (form.get(n) as string) : null])) as Record<K, string | null>;
}

/** Refuses a change for another school's pupil (403), with the attempt in the audit log. */
async function refuse(warehouse: Warehouse, user: SessionUser, what: string, target: string, message: string): Promise<never> {
	await audit(warehouse, user, `refused: ${what}`, target);
	error(403, message);
}

/**
 * Recording an intervention on the pupil's page and changing one (an end date, a new review date): for
 * users who may record interventions (403 otherwise) at a school they may see (403 otherwise). A problem
 * with the form is a 400 with the message and the values sent, shown beside the form.
 */
export const actions: Actions = {
	record: async ({ request, params, locals }) => {
		if (!can(locals.user, 'interventions')) error(403, 'Your role cannot record interventions');
		const upn = params.upn;
		if (!UPN_PATTERN.test(upn)) error(400, 'a UPN is a capital letter and 12 digits');
		const form = fields(await request.formData(), ['school', 'type', 'start', 'end', 'review', 'target', 'notes']);
		const warehouse = await appWarehouse();
		const schools = (await warehouse.read('datasets/interventions/pupil_schools', { upn, schools: schoolsParam(locals.user!) })) as { school_urn: number }[];
		// (the pupil's schools among the user's: none is a pupil of other schools only)
		if (schools.length === 0)
			locals.user?.schools === null
				? error(404, `No pupil with UPN ${upn} is on roll at any school in the warehouse`)
				: await refuse(warehouse, locals.user!, 'record intervention', upn, 'This pupil is not on the roll of any of your schools');
		const school = form.school ? Number(form.school) : schools[0].school_urn;
		if (!schools.some((s) => s.school_urn === school))
			return fail(400, { action: 'record', field: 'school', message: 'The pupil has not been on roll at that school.', values: form });
		if (!canSeeSchool(locals.user, school)) await refuse(warehouse, locals.user!, 'record intervention', `${upn} at school ${school}`, 'You cannot record interventions for pupils of that school');
		try {
			const checked = checkNewIntervention({ ...form, upn, school }, await interventionTypes(warehouse));
			const id = await recordIntervention(warehouse, checked, locals.user!.name);
			return { action: 'record', id, message: `Recorded: ${checked.type} from ${checked.start}.` };
		} catch (e) {
			if (e instanceof InterventionProblem) return fail(400, { action: 'record', field: e.field, message: e.message, values: form });
			throw e;
		}
	},
	change: async ({ request, params, locals }) => {
		if (!can(locals.user, 'interventions')) error(403, 'Your role cannot change interventions');
		const form = fields(await request.formData(), ['id', 'end', 'review']);
		const id = Number(form.id);
		const warehouse = await appWarehouse();
		const current = Number.isInteger(id) && id > 0 ? await interventionById(warehouse, id) : undefined;
		if (!current || current.upn !== params.upn) error(404, 'No such intervention for this pupil');
		// an intervention of no known school: only for users who see every school
		const urn = current.school_urn as number | null;
		if (urn === null ? locals.user?.schools !== null : !canSeeSchool(locals.user, urn))
			await refuse(warehouse, locals.user!, 'change intervention', `${params.upn} intervention ${id}`, 'You cannot change interventions for pupils of that school');
		try {
			const description = await changeIntervention(warehouse, current, { end: form.end, review: form.review }, locals.user!.name);
			return { action: 'change', id, message: `${current.type} (from ${current.start_date}): ${description}.` };
		} catch (e) {
			if (e instanceof InterventionProblem) return fail(400, { action: 'change', id, field: e.field, message: e.message, values: form });
			throw e;
		}
	}
};
