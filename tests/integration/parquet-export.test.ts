// The Parquet export: hive partitions by academic year and LA that DuckDB reads back with the same totals
// as the warehouse, and on which the measures (sql/measures) give the warehouse's own answers.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/generate';
import { importFile } from '../../src/lib/server/ingest';
import { exportParquet } from '../../src/lib/server/exports/parquet';
import { measuresInDependencyOrder, resultRows, runFile, type Warehouse } from '../../src/lib/server/warehouse';
import { sqlFolder } from '../../src/lib/server/warehouse/sql-files';
import { freshWarehouse, rows, tempFile } from '../helpers/warehouse';

let warehouse: Warehouse;
let out: string;

beforeAll(async () => {
	warehouse = await freshWarehouse();
	const demo = await generateDemo(mkdtempSync(join(tmpdir(), 'lens-parquet-demo-')), { pupils: 60, schools: 2, seed: 7 });
	for (const file of demo.files) await importFile(warehouse, file);
	// the second school moves to another local authority, so that the export has two LAs
	const [second] = await rows(warehouse, 'SELECT max(urn) AS urn FROM schools');
	await importFile(warehouse, tempFile('schools.csv', `URN,Name,LA,Estab,Phase\n${second.urn},Moved Academy,999,4000,Secondary\n`));
	out = join(mkdtempSync(join(tmpdir(), 'lens-parquet-')), 'export');
	await exportParquet(warehouse, out);
}, 120_000);

/** A DuckDB of its own reading the export through sql/exports/parquet_read.sql. */
async function readBack() {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	await conn.run('SET VARIABLE parquet_dir = $dir', { dir: out });
	await runFile(conn, 'exports/parquet_read');
	return { conn, all: async (sql: string) => resultRows(await conn.runAndReadAll(sql)) };
}

describe('export parquet', () => {
	it('writes the marks in hive partitions by academic year and LA', () => {
		const years = readdirSync(join(out, 'marks')).sort();
		expect(years).toEqual(['academic_year=2023-24', 'academic_year=2024-25', 'academic_year=2025-26']);
		for (const year of years) expect(readdirSync(join(out, 'marks', year)).sort()).toEqual(['la=873', 'la=999']);
		for (const table of ['pupils', 'schools', 'codes', 'term_dates', 'enrolments', 'interventions'])
			expect(existsSync(join(out, `${table}.parquet`))).toBe(true);
	});

	it('reads back with the warehouse totals by academic year, LA and code', async () => {
		const { all } = await readBack();
		const exported = await all(`
			SELECT academic_year, la, code, count(*) AS marks
			FROM read_parquet('${out}/marks/**/*.parquet', hive_partitioning = true, hive_types = {'academic_year': VARCHAR, 'la': VARCHAR})
			GROUP BY ALL ORDER BY ALL`);
		const held = await rows(warehouse, `
			SELECT CASE WHEN month(m.date) >= 9 THEN year(m.date) ELSE year(m.date) - 1 END AS y, s.la_code AS la, m.code::VARCHAR AS code, count(*) AS marks
			FROM marks m JOIN schools s ON s.urn = m.school_urn GROUP BY ALL ORDER BY ALL`);
		const asExported = held
			.map((r) => ({ academic_year: `${r.y}-${String((Number(r.y) + 1) % 100).padStart(2, '0')}`, la: r.la, code: r.code, marks: r.marks }))
			.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
		expect(exported.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(asExported);
		const [count] = await rows(warehouse, 'SELECT count(*) AS n FROM marks');
		expect(exported.reduce((n, r) => n + (r.marks as number), 0)).toBe(count.n);
		const [pupils] = await all('SELECT count(*) AS n FROM pupils');
		const [heldPupils] = await rows(warehouse, 'SELECT count(*) AS n FROM pupils');
		expect(pupils.n).toBe(heldPupils.n);
	});

	it('gives the same measures over the Parquet as the warehouse', async () => {
		const { conn } = await readBack();
		// as README's Parquet export section says: the macros, the rules (sql/rules), then the measures
		for (const file of ['schema/003_macros', 'schema/005_cohort_macros', ...sqlFolder('rules'), ...measuresInDependencyOrder()])
			await runFile(conn, file);
		const params = { from: '2024-09-01', to: '2025-08-31', school: null, year_group: null, cohort_dimension: null, cohort_value: null };
		for (const report of ['reports/summary', 'reports/weekday', 'reports/codes', 'reports/pupils']) {
			const fromParquet = await runFile(conn, report, params);
			expect(fromParquet.length).toBeGreaterThan(0);
			expect(fromParquet).toEqual(await warehouse.read(report, params));
		}
		const fsm = { ...params, cohort_dimension: 'fsm', cohort_value: 'FSM eligible' };
		expect(await runFile(conn, 'reports/summary', fsm)).toEqual(await warehouse.read('reports/summary', fsm));
	});

	it('will not write into a folder that holds files', async () => {
		await expect(exportParquet(warehouse, out)).rejects.toThrow(/not an empty folder/);
	});
});
