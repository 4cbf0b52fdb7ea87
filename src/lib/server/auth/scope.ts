// A user's school scope against the schools of the warehouse.
import { AccessError } from '../../catalog/errors';
import type { Warehouse } from '../warehouse';
import { audit, type ChangedBy } from './audit';
import { canSeeSchool, type SessionUser } from './roles';

/** The schools of the warehouse (URNs). */
export async function warehouseSchools(warehouse: Warehouse): Promise<number[]> {
	return (await warehouse.read('auth/school_urns', undefined, { keep: true })).map((r) => Number(r.urn));
}

/**
 * Whether the user may see the whole warehouse at once (no school chosen): admins and trust accounts
 * without a school list, and anyone whose schools are all the warehouse's schools.
 */
export function coversAll(user: SessionUser, schools: number[]): boolean {
	if (user.schools === null) return true;
	return schools.every((urn) => user.schools!.includes(urn));
}

/** The school a request without one is narrowed to for this user: null (all) or their first school. */
export function defaultSchool(user: SessionUser, schools: number[]): number | null {
	if (coversAll(user, schools)) return null;
	return user.schools![0] ?? -1;
}

/**
 * Holds a change for a school (null: the trust) to the schools of the user making it, whatever the request
 * looked like: refused with a 403, and the attempt audited, outside them. The command line is not held.
 */
export async function checkWriteScope(warehouse: Warehouse, by: ChangedBy, school: number | null, what: string): Promise<void> {
	if (by.actor === 'cli') return;
	const user = by.actor as Partial<SessionUser>;
	const schools = await warehouseSchools(warehouse);
	const allowed = !('schools' in user) ? false : school === null ? coversAll(user as SessionUser, schools) : canSeeSchool(user as SessionUser, school);
	if (allowed) return;
	const target = school === null ? 'the trust' : `school ${school}`;
	await audit(warehouse, by.actor, `refused: ${what}`, target, by.ip ?? null);
	throw new AccessError(403, school === null ? 'You do not have access to the whole trust' : `You do not have access to school ${school}`);
}
