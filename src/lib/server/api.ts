import { error, type RequestEvent } from '@sveltejs/kit';
import { ARROW_TYPE, rowsToArrow } from './arrow';
import type { SuppressionSpec } from './suppression';
import { filterParams, resolveFilters, type FilterParams } from './filters';
import { WarehouseQueryError, type Params, type Row } from './warehouse';
import { appWarehouse } from './warehouse/shared';

/** One dataset of a view: the SQL file behind it and the columns it answers with. */
export interface Dataset {
	sql: string;
	columns: string[];
	/** Extra parameters from the URL, checked; their values join the filter parameters. */
	params?: (url: URL) => Params;
	/** Rows about individual pupils (names, UPNs): only for roles that may see pupils. */
	pupilLevel?: boolean;
	/** Small-number suppression for roles that must have it (governors). */
	suppress?: SuppressionSpec;
}

/**
 * Answers a dataset request: checks the URL's filters, runs the dataset's SQL with them on its own
 * connection, and sends the rows as Arrow IPC. Server-Timing says how long the query took.
 */
export async function datasetResponse(event: RequestEvent, datasets: Record<string, Dataset>, name: string): Promise<Response> {
	const dataset = Object.hasOwn(datasets, name) ? datasets[name] : undefined;
	if (!dataset) error(404, `no dataset '${name}'`);
	const warehouse = await appWarehouse();
	const filters = await resolveFilters(event.url, warehouse);
	const started = performance.now();
	let rows: Row[];
	try {
		rows = await warehouse.query(dataset.sql, { ...filterParams(filters), ...(dataset.params?.(event.url) ?? {}) } as FilterParams & Params);
	} catch (e) {
		if (e instanceof WarehouseQueryError) console.error(e.message);
		throw e;
	}
	const ms = performance.now() - started;
	return new Response(rowsToArrow(rows, dataset.columns) as BodyInit, {
		headers: {
			'content-type': ARROW_TYPE,
			'cache-control': 'no-store',
			'server-timing': `db;dur=${ms.toFixed(1)}`
		}
	});
}
