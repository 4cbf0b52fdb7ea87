import { error } from '@sveltejs/kit';
import { COHORTS } from '$lib/catalog/datasets/cohorts';
import { readParams } from '$lib/catalog/params';
import { checked } from '$lib/server/respond';
import { DIMENSION_LABELS } from '$lib/filters';
import type { PageServerLoad } from './$types';

/** The group (or crossed cell) whose pupils the page lists, checked as its dataset checks them (400 otherwise). */
export const load: PageServerLoad = async ({ url }) => {
	if (!url.searchParams.get('dimension')) error(400, 'choose a group on the Cohorts page');
	const p = checked(() => {
		const values = readParams(COHORTS.pupils.params, (key) => url.searchParams.get(key));
		const problem = COHORTS.pupils.check?.(values);
		if (problem) error(400, problem);
		return values;
	});
	const group = (dimension: string, value: string) => ({ dimension, label: DIMENSION_LABELS[dimension] ?? dimension, value });
	const first = group(p.dimension!, p.value!);
	return { groups: p.dimension2 ? [first, group(p.dimension2, p.value2!)] : [first] };
};
