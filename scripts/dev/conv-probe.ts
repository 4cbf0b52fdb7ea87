// Where a dataset's time goes in the app: DuckDB, getColumnsJS, the conversion, Arrow.
import { withRawConnection } from './raw';
import { Warehouse, sqlText } from '../../src/lib/server/warehouse';
import { datasetRequest } from './request';
import { columnsToArrow } from '../../src/lib/server/arrow';
import { DuckDBTypeId } from '@duckdb/node-api';
const [db, name] = process.argv.slice(2);
const w = await Warehouse.open(db);
const { dataset, sql, params } = await datasetRequest(w, name);
await withRawConnection(w, async (conn) => {
	for (let i = 0; i < 3; i++) {
		const prepared = await conn.prepare(sqlText(sql));
		const values: Record<string, never> = {};
		for (let p = 1; p <= prepared.parameterCount; p++) values[prepared.parameterName(p)] = (params[prepared.parameterName(p)] ?? null) as never;
		prepared.bind(values);
		let t = performance.now();
		const r = await prepared.runAndReadAll();
		const q = performance.now() - t;
		t = performance.now();
		const cols = r.getColumnsJS();
		const js = performance.now() - t;
		const types = r.columnTypes().map((x) => DuckDBTypeId[x.typeId]);
		t = performance.now();
		const { resultColumns } = await import('../../src/lib/server/warehouse');
		const c = resultColumns(r);
		const conv = performance.now() - t;
		t = performance.now();
		const arrow = columnsToArrow(c, Object.keys(dataset.columns));
		const ar = performance.now() - t;
		console.log({ rows: cols[0]?.length, query: q.toFixed(0), getColumnsJS: js.toFixed(0), resultColumns: conv.toFixed(0), arrow: ar.toFixed(0), bytes: arrow.length, types: i === 0 ? types.join(',') : '' });
	}
});
