// `export parquet --out DIR [--db PATH]`: the warehouse as Parquet, partitioned by academic year and LA
// (src/lib/server/exports/parquet.ts), for DuckDB, Spark or BigQuery.
import { audit } from '../../src/lib/server/auth/audit';
import { exportParquet } from '../../src/lib/server/exports/parquet';
import { openWarehouse, type CliValues } from './common';

export async function mainExportParquet(_positionals: string[], values: CliValues): Promise<number> {
	const out = values.out;
	if (typeof out !== 'string' || !out) {
		console.error('export parquet needs --out DIR, a new or empty folder');
		return 2;
	}
	const warehouse = await openWarehouse(typeof values.db === 'string' ? values.db : undefined);
	let result;
	try {
		result = await exportParquet(warehouse, out);
	} catch (e) {
		console.error((e as Error).message);
		return 1;
	}
	await audit(warehouse, 'cli', 'export parquet', result.dir);
	const marks = result.totals.reduce((n, t) => n + t.marks, 0);
	const partitions = new Set(result.totals.map((t) => `${t.academic_year}/${t.la}`)).size;
	console.log(`Exported ${marks.toLocaleString('en-GB')} marks (${partitions} academic year × LA partitions) to ${result.dir} in ${result.seconds.toFixed(1)} s:`);
	for (const t of result.tables)
		console.log(`  ${t.name}: ${t.files} file${t.files === 1 ? '' : 's'}, ${(t.bytes / 1e6).toFixed(1)} MB`);
	return 0;
}
