// Who may reach each route: one entry per SvelteKit route id. hooks.server.ts checks every request
// against this table; a route id missing from it is refused (deny by default), so a new route cannot
// leak before someone decides who may see it.
import type { Capability } from './roles';

export interface RoutePolicy {
	/** What reading (GET, HEAD) needs; 'public' for the sign-in pages. */
	read: Capability | 'public';
	/** What other methods (form actions, POST endpoints) need; the read capability when absent. */
	write?: Capability | 'public';
	/** Audit every successful request under this action name (pupil data opened, exports). */
	audit?: string;
	/** Audit only writes (POST…), not reads. */
	auditWrites?: string;
}

export const ROUTE_POLICY: Record<string, RoutePolicy> = {
	// signing in and out
	'/login': { read: 'public' },
	'/logout': { read: 'public' },

	// aggregate views (governors included; pupil-level datasets are refused by api.ts)
	'/': { read: 'aggregates' },
	'/overview': { read: 'aggregates', write: 'settings' },
	'/overview/target': { read: 'settings' },
	'/cohorts': { read: 'aggregates' },
	'/patterns': { read: 'aggregates' },
	'/codes': { read: 'aggregates' },
	'/impact': { read: 'aggregates' },
	'/pack': { read: 'aggregates' },
	'/pack/download': { read: 'aggregates', audit: 'export governors pack' },
	'/api/summary/[dataset]': { read: 'aggregates' },
	'/api/overview/[dataset]': { read: 'aggregates' },
	'/api/cohorts/[dataset]': { read: 'aggregates' },
	'/api/patterns/[dataset]': { read: 'aggregates' },
	'/api/codes/[dataset]': { read: 'aggregates' },
	'/api/impact/[dataset]': { read: 'aggregates' },

	// exports of aggregate tables
	'/exports': { read: 'export' },
	'/exports/la': { read: 'export', audit: 'export LA benchmark table' },

	// pupil-level: names, UPNs, casework
	'/cohorts/pupils': { read: 'pupils', audit: 'open cohort pupil list' },
	'/lists': { read: 'pupils' },
	'/lists/[list]': { read: 'pupils' },
	'/api/lists/[list]': { read: 'pupils', audit: 'open casework list' },
	'/api/lists/[list]/count': { read: 'pupils' },
	'/api/lists/[list]/settings': { read: 'settings' },
	'/pupils': { read: 'pupils', audit: 'search pupils' },
	'/pupils/[upn]': { read: 'pupils', audit: 'open pupil page', auditWrites: 'change pupil record' },
	'/api/pupil/[upn]/[dataset]': { read: 'pupils' }, // audited by respond.ts (pupil-level dataset)
	'/interventions': { read: 'pupils', write: 'interventions', auditWrites: 'change interventions' },
	'/interventions/types': { read: 'pupils', write: 'interventions' },
	'/api/interventions/[dataset]': { read: 'pupils' },
	'/parents': { read: 'pupils' },
	'/parents/download': { read: 'pupils', audit: 'export parents letters' },

	// administration
	'/imports': { read: 'admin' },
	'/api/imports': { read: 'admin', auditWrites: 'import file' },
	'/api/imports/[dataset]': { read: 'admin' },
	'/admin': { read: 'admin' },
	'/admin/users': { read: 'admin', auditWrites: 'change users' },
	'/admin/audit': { read: 'admin' },
	'/admin/retention': { read: 'admin' }
};

/** The policy of a route id, or null: not in the table, so refused. */
export function policyOf(routeId: string | null): RoutePolicy | null {
	if (routeId === null) return null;
	return Object.hasOwn(ROUTE_POLICY, routeId) ? ROUTE_POLICY[routeId] : null;
}

/** What a request needs: the read capability for GET/HEAD, else the write one. */
export function needed(policy: RoutePolicy, method: string): Capability | 'public' {
	return method === 'GET' || method === 'HEAD' ? policy.read : (policy.write ?? policy.read);
}

/** The audit action of a request, or null when it is not audited. */
export function auditAction(policy: RoutePolicy, method: string): string | null {
	const read = method === 'GET' || method === 'HEAD';
	return read ? (policy.audit ?? null) : (policy.auditWrites ?? policy.audit ?? null);
}
