import type { Warehouse } from '../warehouse';
import { sqlTime } from './clock';

/** A warehouse-wide setting's current value, or null. */
export async function getSetting(warehouse: Warehouse, key: string): Promise<string | null> {
	const [row] = await warehouse.read('auth/setting_get', { key });
	return (row?.value as string | undefined) ?? null;
}

export async function saveSetting(warehouse: Warehouse, key: string, value: string, savedBy: string, now = new Date()): Promise<void> {
	await warehouse.write('commands/auth/setting_save', { key, value, saved_by: savedBy, now: sqlTime(now) });
}

/** Set by `demo`: the sign-in page lists the demo accounts. */
export const DEMO_SETTING = 'demo_logins';
