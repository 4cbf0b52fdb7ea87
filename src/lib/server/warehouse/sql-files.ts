import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqlDir } from './paths';

const cache = new Map<string, string>();

/** The text of `sql/<name>.sql`, e.g. `reports/summary`. */
export function sqlText(name: string): string {
	let text = cache.get(name);
	if (text === undefined) {
		text = readFileSync(join(sqlDir, `${name}.sql`), 'utf8');
		cache.set(name, text);
	}
	return text;
}

/** The `.sql` files of a folder of `sql/`, sorted by name, as names for `sqlText`. */
export function sqlFolder(folder: string): string[] {
	return readdirSync(join(sqlDir, folder))
		.filter((f) => f.endsWith('.sql'))
		.sort()
		.map((f) => `${folder}/${f.slice(0, -4)}`);
}
