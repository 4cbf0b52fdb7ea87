// tsx scripts/dev/explain.ts DB dataset VIEW/NAME [query] | list NAME: runs one dataset or list (twice); with
// ATTENDANCE_SQL_EXPLAIN=<sql file> it prints that file's slowest operators.
import { Warehouse } from '../../src/lib/server/warehouse';
const [db, kind, name, query = ''] = process.argv.slice(2);
const w = await Warehouse.open(db);
const admin = { id: 0, name: 'a', role: 'admin', schools: null, pupilAccess: true } as const;
if (kind === 'list') {
	const { filteredList } = await import('../../src/lib/server/datasets/lists');
	const url = new URL(`http://x/?${query}`);
	await filteredList(w, name as never, url);
	const t = performance.now(); await filteredList(w, name as never, url); console.error('ms', performance.now() - t);
} else {
	const { resolveFilters, filterParams } = await import('../../src/lib/server/filters');
	const [view, ds] = name.split('/');
	const mod = await import(`../../src/lib/server/datasets/${view}.ts`);
	const reg = Object.entries(mod).find(([k]) => k.endsWith('_DATASETS'))![1] as Record<string, { sql: string; params?: (u: URL) => object }>;
	const d = reg[ds];
	const url = new URL(`http://x/api/${name}?${query}`);
	const f = filterParams(await resolveFilters(url, w, admin));
	await w.query(d.sql, { ...f, ...(d.params?.(url) ?? {}) } as never);
}
