import { runFile, type Warehouse } from './warehouse';
import { auditOn, changedByName, type ChangedBy } from './auth/audit';
import { checkWriteScope } from './auth/scope';

/** The attendance target that applies to a school (or the trust, null), as a percentage (96 = 96%). */
export interface Target {
	target_percent: number;
	/** 'school': its own; 'trust': the trust's, standing in; 'default': none set, 96%. */
	source: 'school' | 'trust' | 'default';
	set_at: string | null;
}

export async function readTarget(warehouse: Warehouse, school: number | null): Promise<Target> {
	const [row] = await warehouse.read('datasets/overview/target', { school });
	return row as unknown as Target;
}

/** Saves a target, with who saved it, and its audit entry in the same transaction. */
export async function saveTarget(warehouse: Warehouse, school: number | null, percent: number, by: ChangedBy = { actor: 'cli' }): Promise<void> {
	await checkWriteScope(warehouse, by, school, 'set attendance target');
	await warehouse.write(async (conn) => {
		await runFile(conn, 'commands/overview/save_target', { school, target_percent: percent, set_at: new Date().toISOString(), set_by: changedByName(by) });
		await auditOn(conn, by.actor, 'set attendance target', `${school === null ? 'the trust' : `school ${school}`}: ${percent}%`, by.ip ?? null);
	});
}

/**
 * Checks a target as a form gives it: the school ('' for the trust) must be in the warehouse, the target a
 * percentage from 50 to 100 with at most one decimal place ('96', '95.5', '96%').
 */
export async function checkTarget(
	warehouse: Warehouse,
	schoolText: string,
	targetText: string
): Promise<{ school: number | null; target: number } | { error: string }> {
	let school: number | null = null;
	if (schoolText.trim() !== '') {
		const schools = (await warehouse.read('reports/schools')) as { urn: number }[];
		if (!/^\d{1,8}$/.test(schoolText.trim()) || !schools.some((s) => s.urn === Number(schoolText)))
			return { error: 'That school is not in the warehouse.' };
		school = Number(schoolText);
	}
	const text = targetText.trim().replace(/\s*%$/, '');
	const target = Number(text);
	if (!/^\d{1,3}(\.\d)?$/.test(text) || target < 50 || target > 100)
		return { error: 'Enter the target as a percentage between 50 and 100, with at most one decimal place (for example 96 or 95.5).' };
	return { school, target };
}
