// Who may see and do what. Every check on the server goes through these definitions.

export const ROLES = ['governor', 'slt', 'officer', 'trust', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user of a request (event.locals.user); null when nobody is signed in. */
export interface SessionUser {
	id: number;
	name: string;
	role: Role;
	/** The schools (URNs) the user may see; null means every school in the warehouse. */
	schools: number[] | null;
	/** Trust users see pupil-level data only where granted. */
	pupilAccess: boolean;
}

export const CAPABILITIES = ['aggregates', 'pupils', 'interventions', 'export', 'settings', 'admin'] as const;

export type Capability =
	| 'aggregates' // charts and tables of counts and rates
	| 'pupils' // pupil rows, names, UPNs, pupil pages, casework lists
	| 'interventions' // record and edit the intervention log
	| 'export' // downloads of benchmark tables and packs
	| 'settings' // a school's attendance target, casework list settings
	| 'admin'; // users, imports, retention, audit log

const GRANTS: Record<Role, readonly Capability[]> = {
	governor: ['aggregates', 'export'],
	slt: ['aggregates', 'pupils', 'interventions', 'export', 'settings'],
	officer: ['aggregates', 'pupils', 'interventions', 'export', 'settings'],
	trust: ['aggregates', 'export'],
	admin: ['aggregates', 'pupils', 'interventions', 'export', 'settings', 'admin']
};

/** Whether a user holds a capability (trust users hold 'pupils' only where granted). */
export function can(user: SessionUser | null | undefined, capability: Capability): boolean {
	if (!user) return false;
	if (user.role === 'trust' && capability === 'pupils') return user.pupilAccess;
	return GRANTS[user.role].includes(capability);
}

/**
 * Whether the user's figures must have small numbers suppressed: every role that sees aggregates only
 * (governors, trust accounts without the pupil grant). A role that may see pupils sees their figures anyway.
 */
export const mustSuppress = (user: SessionUser | null | undefined): boolean => !can(user, 'pupils');

/** Whether the user may see a school's data. */
export const canSeeSchool = (user: SessionUser | null | undefined, urn: number): boolean =>
	!!user && (user.schools === null || user.schools.includes(urn));
