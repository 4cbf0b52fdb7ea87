// What the dev probes share: a dataset's SQL and the parameters its endpoint would run it with (as an admin).
import type { Dataset } from '../../src/lib/server/api';
import { filterParams, resolveFilters } from '../../src/lib/server/filters';
import type { Params, Warehouse } from '../../src/lib/server/warehouse';

const ADMIN = { id: 0, name: 'dev', role: 'admin', schools: null, pupilAccess: true } as const;

/** `view/name` (e.g. overview/periods) with an optional query string: the dataset and its parameters. */
export async function datasetRequest(warehouse: Warehouse, name: string, query = ''): Promise<{ dataset: Dataset; params: Params }> {
	const [view, key] = name.split('/');
	const module = (await import(`../../src/lib/server/datasets/${view}.ts`)) as Record<string, unknown>;
	const registry = Object.entries(module).find(([exported]) => exported.endsWith('_DATASETS'))?.[1] as Record<string, Dataset> | undefined;
	const dataset = registry?.[key];
	if (!dataset) throw new Error(`no dataset ${name}`);
	const url = new URL(`http://x/api/${name}?${query}`);
	return { dataset, params: { ...filterParams(await resolveFilters(url, warehouse, ADMIN)), ...(dataset.params?.(url) ?? {}) } as Params };
}
