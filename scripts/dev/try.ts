// tsx scripts/dev/try.ts DB VIEW/DATASET|list:NAME FILE.sql [query]: runs an SQL file (a variant of a dataset's) with the
// dataset's parameters, 5 times; prints the median time and a digest of the rows to compare variants.
import { withRawConnection } from './raw';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Warehouse, resultRows } from '../../src/lib/server/warehouse';
import { datasetRequest } from './request';
const [db, name, file, query = ''] = process.argv.slice(2);
const w = await Warehouse.open(db);
let params: Record<string, unknown>;
if (name.startsWith('list:')) {
	// a casework list: its saved settings and defaults, as of the latest marked day
	const { resolveListParams } = await import('../../src/lib/server/lists');
	const [latest] = await w.read('lists/latest_day', { school: null });
	params = { ...(await resolveListParams(w, name.slice(5) as never, null, {})).params, on: latest.on_date, school: null };
} else params = (await datasetRequest(w, name, query)).params;
const text = readFileSync(file, 'utf8');
const times: number[] = [];
let digest = '';
await withRawConnection(w, async (conn) => {
	for (let i = 0; i < 6; i++) {
		const prepared = await conn.prepare(text);
		const values: Record<string, never> = {};
		for (let p = 1; p <= prepared.parameterCount; p++) values[prepared.parameterName(p)] = (params[prepared.parameterName(p)] ?? null) as never;
		prepared.bind(values);
		const t = performance.now();
		const rows = resultRows(await prepared.runAndReadAll());
		times.push(performance.now() - t);
		digest = createHash('sha1').update(JSON.stringify(rows.map((r) => JSON.stringify(r)).sort())).digest('hex').slice(0, 12);
	}
});
times.shift();
times.sort((a, b) => a - b);
console.log(`${file}: ${times[2].toFixed(1)} ms (min ${times[0].toFixed(1)}) digest ${digest}`);
