import { error, type RequestEvent } from '@sveltejs/kit';
import { ARROW_TYPE, rowsToArrow } from '../arrow';
import { mustSuppress } from '../auth/roles';
import { resolveFilters } from '../filters';
import { checkWindow, IMPACT_COLUMNS, runImpact, WEEK_COLUMNS } from '../impact';
import { parseCohort } from '../reports';
import { suppressRows, type SuppressionSpec } from '../suppression';
import type { Row } from '../warehouse';
import { appWarehouse } from '../warehouse/shared';

/**
 * The Impact view's datasets. Unlike the SQL-only datasets (api.ts), these are worked out in TypeScript
 * from the warehouse's windows (src/lib/server/impact: matching, regression, bootstrap), cached per
 * filter set, and sent as Arrow like every other. Aggregates only: each row is a type or a week.
 *   types: one row per intervention type (the columns of `report impact`);
 *   weeks: the event study, treated and comparison mean absence by school week, for ?type=.
 * Types with fewer than 10 treated pupils are counts only already; governors' copies are suppressed
 * below the usual threshold on top.
 */
export const IMPACT_DATASETS = {
	types: {
		columns: [...IMPACT_COLUMNS] as string[],
		suppress: {
			pupils: 'pupils',
			cells: ['naive_before', 'naive_after', 'naive_relative', 'adjusted_relative', 'ci_low', 'ci_high', 'matched_relative',
				'smd_before_recent', 'smd_after_recent', 'smd_before_pre', 'smd_after_pre', 'smd_before_term', 'smd_after_term',
				'smd_before_year', 'smd_after_year']
		} satisfies SuppressionSpec
	},
	weeks: {
		columns: [...WEEK_COLUMNS] as string[],
		suppress: { pupils: 'pupils', cells: ['mean', 'low', 'high'] } satisfies SuppressionSpec
	}
};

/** ?window=N school days (10–100; 30 when absent); 400 otherwise. */
export function windowParam(url: URL): number {
	try {
		return checkWindow(url.searchParams.get('window'));
	} catch (e) {
		error(400, (e as Error).message);
	}
}

/** A dataset of the Impact view for the request's filters and user, as Arrow IPC. */
export async function impactResponse(event: RequestEvent, name: string): Promise<Response> {
	const dataset = Object.hasOwn(IMPACT_DATASETS, name) ? IMPACT_DATASETS[name as keyof typeof IMPACT_DATASETS] : undefined;
	if (!dataset) error(404, `no dataset '${name}'`);
	const user = event.locals?.user ?? null;
	if (!user) error(401, 'sign in first');
	const warehouse = await appWarehouse();
	const filters = await resolveFilters(event.url, warehouse, user);
	const window = windowParam(event.url);
	const started = performance.now();
	const report = await runImpact(warehouse, {
		from: filters.from,
		to: filters.to,
		school: filters.school,
		window,
		yearGroup: filters.yearGroup,
		cohort: parseCohort(filters.cohort)
	});
	let rows = (name === 'types' ? report.rows : report.weeks.filter((w) => w.type === event.url.searchParams.get('type'))) as unknown as Row[];
	if (mustSuppress(user)) rows = suppressRows(rows, dataset.suppress);
	const ms = performance.now() - started;
	return new Response(rowsToArrow(rows, dataset.columns) as BodyInit, {
		headers: { 'content-type': ARROW_TYPE, 'cache-control': 'no-store', 'server-timing': `impact;dur=${ms.toFixed(1)}` }
	});
}
