import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder above this module (or the working directory) holding `sql/schema`. */
function findProjectRoot(): string {
	const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
	for (const start of starts) {
		let dir = start;
		for (;;) {
			if (existsSync(join(dir, 'sql', 'schema'))) return dir;
			const parent = dirname(dir);
			if (parent === dir) break;
			dir = parent;
		}
	}
	throw new Error('Cannot find the project folder (a folder holding sql/schema)');
}

export const projectRoot = findProjectRoot();
/** The SQL files: `ATTENDANCE_SQL_DIR` if set (a copy to try changes on), else the project's `sql/`. */
export const sqlDir = process.env.ATTENDANCE_SQL_DIR ? resolve(process.env.ATTENDANCE_SQL_DIR) : join(projectRoot, 'sql');

/** The warehouse file: `ATTENDANCE_DB` if set, else data/warehouse.duckdb. */
export function defaultWarehousePath(): string {
	return resolve(process.env.ATTENDANCE_DB ?? join(projectRoot, 'data', 'warehouse.duckdb'));
}
