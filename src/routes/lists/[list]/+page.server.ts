import { checkListRequest, givenParams, latestDay, listInfo, listNamed } from '$lib/server/lists';
import { resolveListParams } from '$lib/server/lists';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { checked } from '$lib/server/respond';
import type { PageServerLoad } from './$types';

/**
 * One casework list: its definition (label, columns, parameters with defaults and bounds), the as-of date
 * (the URL's `on`, else the school's latest marked day) and the parameters as the URL gives them, checked.
 * A bad parameter is a message on the page, not an error; an unknown list is a 404. The rows themselves
 * come from /api/lists/<list> in the browser.
 */
export const load: PageServerLoad = async ({ params, url, parent }) => {
	const name = checked(() => listNamed(params.list));
	const { filters } = await parent();
	const warehouse = await appWarehouse();
	const info = listInfo(name);
	const asked = checkListRequest(name, url);
	// a school's saved settings are its defaults
	const { saved } = await resolveListParams(warehouse, name, filters.school, {});
	const list = {
		...info,
		params: info.params.map((p) => {
			if (!Object.hasOwn(saved, p.name)) return { ...p, saved: false };
			const value = p.type === 'date' ? saved[p.name] : Number(saved[p.name]);
			return { ...p, default: value, saved: true };
		})
	};
	const resolved = asked.problem === null ? await resolveListParams(warehouse, name, filters.school, givenParams(name, url)) : null;
	const latest = await latestDay(warehouse, filters.school);
	const given = Object.fromEntries(list.params.map((p) => [p.name, url.searchParams.get(p.name) ?? '']));
	const defaults = Object.fromEntries(list.params.map((p) => [p.name, p.default]));
	return {
		list,
		latest,
		/** The date the list is computed as of (null: no marks yet). */
		on: asked.problem === null ? (asked.on ?? latest) : latest,
		/** The date as the URL gives it ('' for the default). */
		givenOn: url.searchParams.get('on') ?? '',
		given,
		/** The checked parameters, defaults filled (the defaults when something is wrong). */
		values: resolved ? resolved.params : defaults,
		problem: asked.problem
	};
};
