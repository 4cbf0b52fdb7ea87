// The catalog's contract with its SQL: every dataset and list runs with its default parameters on a demo
// warehouse and answers with exactly the columns, in the order and of the types, that its catalog entry
// declares. A column added to or dropped from the SQL, a renamed file or a changed type fails here.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../scripts/cli/demo';
import { DATASETS } from '../../src/lib/catalog/datasets';
import type { ColumnType, DatasetDefinition } from '../../src/lib/catalog/define';
import { LIST_PUPILS_SQL, LISTS, PUPIL_COLUMNS, type ListName } from '../../src/lib/catalog/lists';
import { filterParams, resolveFilters } from '../../src/lib/server/filters';
import { latestDay, listParams } from '../../src/lib/server/lists';
import { datasetParams } from '../../src/lib/server/respond';
import { COMPUTED } from '../../src/lib/server/sources/computed';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { sqlDir } from '../../src/lib/server/warehouse/paths';
import { rows } from '../helpers/warehouse';

/** What each DuckDB type is in the catalog's words. */
function logical(duckdb: string): ColumnType | string {
	if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(duckdb)) return 'integer';
	if (/^(DOUBLE|FLOAT|DECIMAL.*)$/.test(duckdb)) return 'number';
	if (/^(VARCHAR|ENUM.*)$/.test(duckdb)) return 'text';
	if (duckdb === 'DATE') return 'date';
	if (/^TIMESTAMP/.test(duckdb)) return 'timestamp';
	if (duckdb === 'BOOLEAN') return 'boolean';
	return duckdb;
}

/** Parameters some datasets need before they say anything. */
const QUERY: Record<string, string> = { 'cohorts/pupils': 'dimension=fsm&value=FSM%20eligible', 'impact/weeks': 'type=Letter%201' };
const ADMIN = { id: 0, name: 'contract', role: 'admin', schools: null, pupilAccess: true } as const;

let warehouse: Warehouse;
let upn: string;

beforeAll(async () => {
	warehouse = await buildDemo(join(mkdtempSync(join(tmpdir(), 'lens-contract-')), 'demo.duckdb'), { pupils: 300, schools: 2, seed: 7 }, () => {});
	// a pupil with marks, amendments and interventions, so that every pupil dataset has rows
	const [pupil] = await rows(
		warehouse,
		`SELECT p.upn FROM pupils p WHERE p.pupil_id IN (SELECT pupil_id FROM mark_history) AND p.pupil_id IN (SELECT pupil_id FROM interventions)
		ORDER BY (SELECT count(*) FROM marks m WHERE m.pupil_id = p.pupil_id) DESC LIMIT 1`
	);
	upn = pupil.upn as string;
}, 300_000);

const datasets = Object.entries(DATASETS).flatMap(([view, registry]) =>
	Object.entries(registry as Record<string, DatasetDefinition>).map(([name, dataset]) => ({ view, name, dataset }))
);

describe('every dataset answers with the columns its catalog entry declares', () => {
	for (const { view, name, dataset } of datasets)
		it(`${view}/${name}`, async () => {
			const path = view === 'pupil' ? `/api/pupil/${upn}/${name}` : `/api/${view}/${name}`;
			const url = new URL(`http://x${path}?${QUERY[`${view}/${name}`] ?? ''}`);
			const filters = await resolveFilters(url, warehouse, ADMIN);
			const own = datasetParams(dataset, { url, params: view === 'pupil' ? { upn } : {} });
			const declared = Object.entries(dataset.columns).map(([column, c]) => `${column}: ${c.type}`);
			if ('sql' in dataset.source) {
				expect(existsSync(join(sqlDir, `${dataset.source.sql}.sql`)), `sql/${dataset.source.sql}.sql`).toBe(true);
				const answer = await warehouse.readColumns(dataset.source.sql, { ...filterParams(filters), ...own });
				expect(answer.names.map((column, i) => `${column}: ${logical(answer.types[i])}`)).toEqual(declared);
				// the demo has rows for every dataset, so the test reads real values too
				expect(answer.columns[0]?.length ?? 0, 'rows on the demo').toBeGreaterThan(0);
			} else {
				const compute = COMPUTED[dataset.source.computed];
				expect(compute, `computed source ${dataset.source.computed}`).toBeTypeOf('function');
				const rows = await compute({ warehouse, filters, params: own });
				expect(rows.length, 'rows on the demo').toBeGreaterThan(0);
				for (const row of rows) {
					expect(Object.keys(row).sort()).toEqual(Object.keys(dataset.columns).sort());
					for (const [column, c] of Object.entries(dataset.columns)) {
						const v = row[column];
						if (v === null || v === undefined) continue;
						const type = typeof v === 'number' ? (Number.isInteger(v) && c.type === 'integer' ? 'integer' : 'number') : typeof v === 'string' ? 'text' : typeof v;
						expect(`${column}: ${type}`).toBe(`${column}: ${c.type === 'integer' && type === 'integer' ? 'integer' : c.type}`);
					}
				}
			}
		});
});

describe('every aggregate dataset says how its small numbers are protected', () => {
	for (const { view, name, dataset } of datasets.filter((d) => !d.dataset.pupilLevel))
		it(`${view}/${name}`, () => expect(dataset.suppress, 'a spec, selection or none').toBeDefined());
});

describe('every suppression spec and label names columns of its dataset', () => {
	for (const { view, name, dataset } of datasets)
		it(`${view}/${name}`, () => {
			const columns = Object.keys(dataset.columns);
			const spec = typeof dataset.suppress === 'object' ? dataset.suppress : undefined;
			const named = spec ? [spec.pupils, ...spec.cells, ...(spec.groupBy ?? []), ...(spec.alsoGroupBy ?? []).flat(), ...(spec.counts ?? []).flatMap((c) => [c.pupils, ...c.cells])] : [];
			expect(named.filter((c) => !columns.includes(c))).toEqual([]);
			for (const c of Object.values(dataset.columns)) expect(c.label.trim()).not.toBe('');
		});
});

describe('every list answers with the columns its catalog entry declares', () => {
	for (const name of Object.keys(LISTS) as ListName[])
		it(name, async () => {
			const list = LISTS[name];
			expect(existsSync(join(sqlDir, `${list.sql}.sql`)), `sql/${list.sql}.sql`).toBe(true);
			const params = listParams(name, {});
			const on = await latestDay(warehouse, null);
			const answer = await warehouse.readColumns(list.sql, { ...params, on, school: null });
			expect(answer.names.map((column, i) => `${column}: ${logical(answer.types[i])}`)).toEqual(
				Object.entries(list.columns).map(([column, c]) => `${column}: ${c.type}`)
			);
			expect(answer.names[0]).toBe('upn');
			// title, purpose, rule and source in the same entry, the rule complete with the defaults
			for (const text of [list.title, list.label, list.purpose, list.source, list.rule(params)]) {
				expect(text.trim()).not.toBe('');
				expect(text).not.toMatch(/undefined|NaN|\?%/);
			}
			for (const [key, p] of Object.entries(list.params)) expect(p.label, `${name}.${key} has a label`).toBeTruthy();
		});

	it("the pupils' details every list is joined with", async () => {
		const answer = await warehouse.readColumns(LIST_PUPILS_SQL, { upns: null, on: await latestDay(warehouse, null), year_group: null, cohort_dimension: null, cohort_value: null });
		expect(answer.names.map((column, i) => `${column}: ${logical(answer.types[i])}`)).toEqual([
			'upn: text',
			...Object.entries(PUPIL_COLUMNS).map(([column, c]) => `${column}: ${c.type}`)
		]);
	});
});
