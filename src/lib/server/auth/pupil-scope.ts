import type { Warehouse } from '../warehouse';
import { canSeeSchool, type SessionUser } from './roles';

/**
 * Whether the user may open a pupil's data: some school the pupil is or was on the roll of is in the
 * user's scope. 'unknown' when the warehouse holds no pupil of that UPN (the route answers 404 itself).
 */
export async function pupilInScope(warehouse: Warehouse, user: SessionUser, upn: string): Promise<boolean | 'unknown'> {
	if (user.schools === null) return true;
	const rows = await warehouse.read('auth/pupil_schools', { upn });
	if (rows.length === 0) return 'unknown';
	return rows.some((r) => r.school_urn !== null && canSeeSchool(user, Number(r.school_urn)));
}
