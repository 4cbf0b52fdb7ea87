// Who may have which pack or parents' report: checked in every load and download of /pack and /parents.
import { AccessError } from '../../catalog/errors';
import { can, canSeeSchool, type Capability, type SessionUser } from '../auth/roles';
import { resolveFilters } from '../filters';
import { checkDate } from '../reports';
import { appWarehouse } from '../warehouse/shared';
import type { Warehouse } from '../warehouse';

export interface ScopedRequest {
	warehouse: Warehouse;
	/** The school asked for (null: the trust, every school). */
	school: number | null;
	/** ?ht=: the half-term's start date or any date in it (null: the latest). */
	halfTermDate: string | null;
	yearGroup: string | null;
}

/**
 * The school and half-term a request asks for, once the user is known to hold `capability` and to see the
 * school (403 otherwise). The trust as a whole (school null) only for a user who sees every school.
 */
export async function scopedRequest(url: URL, user: SessionUser | null | undefined, capability: Capability): Promise<ScopedRequest> {
	if (!can(user, capability)) throw new AccessError(403, capability === 'pupils' ? 'Your role does not give access to pupils’ figures.' : 'Your role does not give access to this report.');
	const warehouse = await appWarehouse();
	const filters = await resolveFilters(url, warehouse, user);
	// resolveFilters holds the school to the user's scope (a scoped user naming none gets their school)
	const school = filters.school;
	if (school !== null && !canSeeSchool(user, school)) throw new AccessError(403, 'You do not have access to that school.');
	const halfTermDate = checkDate(url.searchParams.get('ht') || undefined, 'the half-term') ?? null;
	return { warehouse, school, halfTermDate, yearGroup: filters.yearGroup };
}
