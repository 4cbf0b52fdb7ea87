import { error } from '@sveltejs/kit';
import { COHORT_DIMENSIONS } from '$lib/server/reports';
import { DIMENSION_LABELS } from '$lib/filters';
import type { PageServerLoad } from './$types';

/** The group (or crossed cell) whose pupils the page lists, checked: 400 for an unknown dimension. */
export const load: PageServerLoad = async ({ url }) => {
	const pair = (dimensionKey: string, valueKey: string) => {
		const dimension = url.searchParams.get(dimensionKey);
		const value = url.searchParams.get(valueKey);
		if (!dimension) return null;
		if (!(COHORT_DIMENSIONS as readonly string[]).includes(dimension)) error(400, `no cohort dimension '${dimension}'`);
		if (!value) error(400, `${valueKey} is required`);
		return { dimension, label: DIMENSION_LABELS[dimension] ?? dimension, value };
	};
	const first = pair('dimension', 'value');
	if (!first) error(400, 'choose a group on the Cohorts page');
	const second = pair('dimension2', 'value2');
	return { groups: second ? [first, second] : [first] };
};
