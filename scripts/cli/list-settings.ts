import { isListName, LISTS, resolveListParams, saveListSettings } from '../../src/lib/server/lists';
import { openWarehouse, schoolOption } from './common';

/** list-settings LIST [NAME=VALUE…] [--school URN]: shows, or saves, a school's (or the trust's) settings of a list. */
export async function mainListSettings(positionals: string[], values: { db?: string; school?: string }): Promise<number> {
	const [name, ...pairs] = positionals;
	if (!name || !isListName(name)) {
		console.error(`list-settings needs one of: ${Object.keys(LISTS).join(', ')}${name ? ` (not '${name}')` : ''}`);
		return 2;
	}
	const school = schoolOption(values.school);
	const warehouse = await openWarehouse(values.db);
	const settings: Record<string, string> = {};
	for (const pair of pairs) {
		const at = pair.indexOf('=');
		if (at < 1) {
			console.error(`a setting is NAME=VALUE, not '${pair}'`);
			return 2;
		}
		settings[pair.slice(0, at)] = pair.slice(at + 1);
	}
	if (pairs.length) await saveListSettings(warehouse, name, school, settings);
	const { params, saved } = await resolveListParams(warehouse, name, school, {});
	for (const [key, value] of Object.entries(params))
		console.log(`${key}=${value ?? ''}${Object.hasOwn(saved, key) ? ` (saved for ${school === null ? 'the trust' : `school ${school}`})` : ' (default)'}`);
	await warehouse.checkpoint();
	return 0;
}
