// tsx scripts/dev/explain.ts DB dataset VIEW/NAME [query] | list NAME: runs one dataset or list (twice); with
// ATTENDANCE_SQL_EXPLAIN=<sql file> it prints that file's slowest operators.
import { Warehouse } from '../../src/lib/server/warehouse';
import { datasetRequest } from './request';
const [db, kind, name, query = ''] = process.argv.slice(2);
const w = await Warehouse.open(db);
if (kind === 'list') {
	const { filteredList } = await import('../../src/lib/server/lists');
	const url = new URL(`http://x/?${query}`);
	await filteredList(w, name as never, url);
	const t = performance.now(); await filteredList(w, name as never, url); console.error('ms', performance.now() - t);
} else {
	const { sql, params } = await datasetRequest(w, name, query);
	await w.read(sql, params);
}
