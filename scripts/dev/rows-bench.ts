// tsx scripts/dev/rows-bench.ts: times turning a 13,000-row result into rows (resultRows) against DuckDB's own conversions.
import { DuckDBInstance } from '@duckdb/node-api';
import { resultRows } from '../../src/lib/server/warehouse';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
await c.run(`CREATE TABLE t AS SELECT 'A' || (100000000000 + i)::VARCHAR AS upn, (i % 100)::INTEGER AS a, (i % 7)::BIGINT AS b, DATE '2024-01-01' + (i % 300)::INTEGER AS d, 'band ' || (i % 5) AS band, random() AS r, (i%3)::INTEGER AS e, (i%3)::INTEGER AS f, (i%3)::INTEGER AS g, (i%3)::INTEGER AS h, NULL::VARCHAR AS n FROM range(13000) t(i)`);
for (let k = 0; k < 5; k++) {
	const r = await c.runAndReadAll('SELECT * FROM t');
	let t = performance.now();
	r.getColumnsJS();
	const cols = performance.now() - t;
	t = performance.now();
	resultRows(r);
	const all = performance.now() - t;
	t = performance.now();
	r.getRowObjectsJS();
	const objs = performance.now() - t;
	console.log({ cols: cols.toFixed(1), resultRows: all.toFixed(1), getRowObjectsJS: objs.toFixed(1) });
}
