// A user's school scope against the schools of the warehouse.
import type { Warehouse } from '../warehouse';
import type { SessionUser } from './roles';

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
