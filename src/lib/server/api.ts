import { error, type RequestEvent } from '@sveltejs/kit';
import { ARROW_TYPE, columnsToArrow, rowsToArrow } from './arrow';
import { suppressRows, type SuppressionSpec } from './suppression';
import { WITHHELD } from '../withheld';
import { can, mustSuppress } from './auth/roles';
import { audit } from './auth/audit';
import { filterParams, resolveFilters, type FilterParams } from './filters';
import { columnsToRows, WarehouseQueryError, type Columns, type Params } from './warehouse';
import { appWarehouse } from './warehouse/shared';

/** The client's address, when the adapter knows it (tests' hand-made events do not). */
export function clientIp(event: RequestEvent): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

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
	const user = event.locals?.user ?? null;
	if (!user) error(401, 'sign in first');
	if (dataset.pupilLevel && !can(user, 'pupils')) error(403, 'Pupil-level data is not available for your role');
	const warehouse = await appWarehouse();
	let started = 0;
	let answer: Columns;
	try {
		// the filters and the figures read from one snapshot: never half of an import committing meanwhile
		answer = await warehouse.snapshot(async () => {
			const filters = await resolveFilters(event.url, warehouse, user);
			started = performance.now();
			return warehouse.queryColumns(dataset.sql, { ...filterParams(filters), ...(dataset.params?.(event.url) ?? {}) } as FilterParams & Params);
		});
	} catch (e) {
		if (e instanceof WarehouseQueryError) console.error(e.message);
		throw e;
	}
	const ms = performance.now() - started;
	let body: Uint8Array;
	if (mustSuppress(user) && dataset.suppress) {
		const before = columnsToRows(answer);
		const rows = suppressRows(before, dataset.suppress);
		const columns = dataset.columns;
		// which cells were withheld, so tables show the DfE's 'c' rather than a missing figure
		const marked = rows.map((row, i) => ({ ...row, [WITHHELD]: columns.filter((c) => row[c] === null && before[i][c] !== null).join(',') || null }));
		body = rowsToArrow(marked, [...columns, WITHHELD]);
	} else body = columnsToArrow(answer, dataset.columns);
	// who opened which pupils' data
	if (dataset.pupilLevel)
		await audit(warehouse, user, 'open pupil data', `${event.params?.upn ? `${event.params.upn} ` : ''}${event.url.pathname}${event.url.search}`, clientIp(event));
	return new Response(body as BodyInit, {
		headers: {
			'content-type': ARROW_TYPE,
			'cache-control': 'no-store',
			'server-timing': `db;dur=${ms.toFixed(1)}`
		}
	});
}
