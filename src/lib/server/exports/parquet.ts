// The warehouse as Parquet (npm run cli -- export parquet --out DIR), for analysis beyond one machine:
// DuckDB, Spark, BigQuery or pandas read the files as they are. Marks, their pupil-day pre-aggregate and
// the history of amendments are partitioned by academic year and LA in the hive layout
// (DIR/marks/academic_year=2024-25/la=873/data_0.parquet); the small tables are one file each.
// sql/exports/parquet_read.sql reads an export back under the warehouse's table names, so that the
// measures (sql/measures) run on it unchanged.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Warehouse } from '../warehouse';

/** What an export holds: each table, its SQL (sql/exports/parquet_<name>.sql) and whether it is partitioned. */
export const PARQUET_TABLES = [
	{ name: 'marks', partitioned: true },
	{ name: 'pupil_day_totals', partitioned: true },
	{ name: 'pupil_week_totals', partitioned: true },
	{ name: 'school_code_totals', partitioned: true },
	{ name: 'mark_history', partitioned: true },
	{ name: 'school_day_totals', partitioned: false },
	{ name: 'pupils', partitioned: false },
	{ name: 'schools', partitioned: false },
	{ name: 'codes', partitioned: false },
	{ name: 'term_dates', partitioned: false },
	{ name: 'enrolments', partitioned: false },
	{ name: 'interventions', partitioned: false }
] as const;

export interface ParquetExport {
	dir: string;
	tables: { name: string; files: number; bytes: number }[];
	/** Marks by academic year ('2024-25'), LA and code, as the warehouse holds them. */
	totals: { academic_year: string; la: string; code: string; marks: number }[];
	seconds: number;
}

function filesUnder(path: string): string[] {
	if (!existsSync(path)) return [];
	if (statSync(path).isFile()) return [path];
	return readdirSync(path).flatMap((f) => filesUnder(join(path, f)));
}

/**
 * Writes the export into `outDir`, which must be empty or not exist yet (an export never mixes with other
 * files, nor overwrites them).
 */
export async function exportParquet(warehouse: Warehouse, outDir: string): Promise<ParquetExport> {
	const dir = resolve(outDir);
	if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0))
		throw new Error(`${outDir} is not an empty folder: choose a new or empty folder for the export`);
	mkdirSync(dir, { recursive: true });
	const started = performance.now();
	const tables: ParquetExport['tables'] = [];
	for (const table of PARQUET_TABLES) {
		const path = table.partitioned ? join(dir, table.name) : join(dir, `${table.name}.parquet`);
		await warehouse.read(`exports/parquet_${table.name}`, { path });
		const files = filesUnder(path);
		tables.push({ name: table.name, files: files.length, bytes: files.reduce((n, f) => n + statSync(f).size, 0) });
	}
	const totals = (await warehouse.read('exports/parquet_totals')) as ParquetExport['totals'];
	return { dir, tables, totals, seconds: (performance.now() - started) / 1000 };
}
