// tsx scripts/dev/time-list.ts DB LIST: times a casework list's query, its pupils' details and the whole filteredList.
import { withRawConnection } from './raw';
import { Warehouse, resultRows } from '../../src/lib/server/warehouse';
import { runList } from '../../src/lib/server/lists';
const w = await Warehouse.open(process.argv[2]);
const name = process.argv[3] as never;
for (let k = 0; k < 4; k++) {
	let t = performance.now();
	const list = await runList(w, name, {});
	const a = performance.now() - t;
	t = performance.now();
	const upns = [...new Set(list.rows.map((r) => String(r.upn)))];
	const pupils = await w.read('datasets/lists/pupils', { upns: upns.join(','), on: list.on, year_group: null, cohort_dimension: null, cohort_value: null });
	const b = performance.now() - t;
	t = performance.now();
	await withRawConnection(w, async (c) => { const r = await c.runAndReadAll(`SELECT 1`); resultRows(r); });
	console.log({ runList: a.toFixed(1), pupils: b.toFixed(1), rows: list.rows.length, p: pupils.length });
}
const { filteredList } = await import('../../src/lib/server/lists');
for (let k = 0; k < 5; k++) {
	const t = performance.now();
	const r = await filteredList(w, name, new URL('http://x/'));
	console.log('filteredList', (performance.now() - t).toFixed(1), r.rows.length);
}
