// Runs every dataset and list (with and without the year-group and cohort filters) on a warehouse and
// writes their rows as JSON: run it with two SQL folders (ATTENDANCE_SQL_DIR) to check that a rewrite
// gives the same answers.   tsx scripts/bench/compare.ts --db FILE --out FILE
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Warehouse } from '../../src/lib/server/warehouse';
import { filterParams, resolveFilters } from '../../src/lib/server/filters';
import { filteredList, LISTS } from '../../src/lib/server/lists';
import { DATASETS } from '../../src/lib/catalog/datasets';
import type { DatasetDefinition } from '../../src/lib/catalog/define';
import { datasetParams } from '../../src/lib/server/respond';

const { values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' }, upn: { type: 'string' } } });
const warehouse = await Warehouse.open(values.db!);
const admin = { id: 0, name: 'bench-admin', role: 'admin', schools: null, pupilAccess: true } as const;
const FILTERS = ['', 'yearGroup=Year%207', 'cohort=fsm%3AFSM%20eligible', 'school=140002', 'year=2024%2F25'];
const out: Record<string, unknown> = {};
const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
for (const [view, registry] of Object.entries(DATASETS)) {
	// keys as before the catalog (the registry's file name), so older outputs still compare
	const file = `${view}.ts`;
	{
		for (const [name, dataset] of Object.entries(registry as Record<string, DatasetDefinition>)) {
			const source = dataset.source;
			if (!('sql' in source)) continue; // computed in TypeScript (impact), not one SQL file
			for (const f of FILTERS) {
				const extra = name === 'pupils' ? 'dimension=sen&value=SEN%20support' : '';
				const url = new URL(`http://x/api/${file}/${name}?${[f, extra].filter(Boolean).join('&')}`);
				if (file === 'pupil.ts') url.pathname = `/api/pupil/${values.upn}/${name}`;
				try {
					const filters = await resolveFilters(url, warehouse, admin);
					out[`${file}/${name}?${f}`] = sorted(await warehouse.read(source.sql, { ...filterParams(filters), ...datasetParams(dataset, { url, params: {} }) }));
				} catch (e) {
					out[`${file}/${name}?${f}`] = `error: ${(e as Error).message.slice(0, 200)}`;
				}
			}
		}
	}
}
for (const name of Object.keys(LISTS) as (keyof typeof LISTS)[])
	for (const f of [...FILTERS, 'on=2024-11-20', 'on=2025-03-03&school=140001']) {
		try {
			out[`list ${name}?${f}`] = sorted((await filteredList(warehouse, name, new URL(`http://x/?${f}`))).rows);
		} catch (e) {
			out[`list ${name}?${f}`] = `error: ${(e as Error).message.slice(0, 200)}`;
		}
	}
for (const report of ['reports/summary', 'reports/weekday', 'reports/codes', 'reports/pupils'])
	out[report] = sorted(await warehouse.read(report, { from: '2024-09-01', to: '2025-08-31', school: null, year_group: null, cohort_dimension: null, cohort_value: null }));
writeFileSync(values.out!, JSON.stringify(out));
process.exit(0);
