import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { instanceSettings, type Warehouse } from '../../src/lib/server/warehouse';

/**
 * A connection of its own to a warehouse's file, outside the app's read/commit gate: for tests and
 * probes that run ad hoc SQL (the app itself reads and writes only through Warehouse).
 */
export async function withRawConnection<T>(warehouse: Warehouse, work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
	const conn = await (await DuckDBInstance.fromCache(warehouse.path, instanceSettings())).connect();
	try {
		return await work(conn);
	} finally {
		conn.closeSync();
	}
}
