// What the dev probes share: a dataset's SQL and the parameters its endpoint would run it with (as an admin).
import { datasetOf, type ViewName } from '../../src/lib/catalog/datasets';
import type { DatasetDefinition } from '../../src/lib/catalog/define';
import { filterParams, resolveFilters } from '../../src/lib/server/filters';
import { datasetParams } from '../../src/lib/server/respond';
import type { Params, Warehouse } from '../../src/lib/server/warehouse';

const ADMIN = { id: 0, name: 'dev', role: 'admin', schools: null, pupilAccess: true } as const;

/** `view/name` (e.g. overview/periods) with an optional query string: the dataset, its SQL and its parameters. */
export async function datasetRequest(warehouse: Warehouse, name: string, query = ''): Promise<{ dataset: DatasetDefinition; sql: string; params: Params }> {
	const [view, key] = name.split('/');
	const dataset = datasetOf(view as ViewName, key);
	if (!dataset || !('sql' in dataset.source)) throw new Error(`no SQL dataset ${name}`);
	const url = new URL(`http://x/api/${name}?${query}`);
	const params = { ...filterParams(await resolveFilters(url, warehouse, ADMIN)), ...datasetParams(dataset, { url, params: {} }) } as Params;
	return { dataset, sql: dataset.source.sql, params };
}
