// The demo's sign-in accounts, one per role, all with the password DEMO_PASSWORD. Created by `demo`;
// the sign-in page lists them only on the demo warehouse (the DEMO_SETTING flag). The password is
// published (on that page and in the README), so the password policy, which keeps real passwords hard to
// guess, cannot apply to it: these accounts are made with addPublishedAccount, and are for demo data only.
import type { Warehouse } from '../warehouse';
import type { Role } from './roles';
import { addPublishedAccount, removeUser } from './users';
import { DEMO_SETTING, saveSetting } from './settings';
import { warehouseSchools } from './scope';

export const DEMO_PASSWORD = 'demo';

export interface DemoLogin {
	name: string;
	role: Role;
	/** 'first': the demo's first school (lowest URN); 'all': every demo school; 'none': every school (admin). */
	schools: 'first' | 'all' | 'none';
	pupilAccess?: boolean;
	what: string;
}

export const DEMO_LOGINS: DemoLogin[] = [
	{ name: 'admin', role: 'admin', schools: 'none', what: 'everything: users, imports, retention, the audit log' },
	{ name: 'slt', role: 'slt', schools: 'first', what: 'senior leader of the first school: everything for that school' },
	{ name: 'officer', role: 'officer', schools: 'first', what: 'attendance officer of the first school: lists, pupil pages, interventions' },
	{ name: 'governor', role: 'governor', schools: 'first', what: 'governor of the first school: aggregates only, small numbers suppressed' },
	{ name: 'trust', role: 'trust', schools: 'all', what: 'trust officer: aggregates across every school, no pupil-level data' }
];

/** Creates (or re-creates) the demo accounts and marks the warehouse as the demo. */
export async function createDemoLogins(warehouse: Warehouse): Promise<DemoLogin[]> {
	const urns = await warehouseSchools(warehouse);
	for (const login of DEMO_LOGINS) {
		await removeUser(warehouse, login.name);
		await addPublishedAccount(warehouse, {
			name: login.name,
			role: login.role,
			schools: login.schools === 'first' ? urns.slice(0, 1) : login.schools === 'all' ? urns : null,
			pupilAccess: login.pupilAccess,
			password: DEMO_PASSWORD
		});
	}
	await saveSetting(warehouse, DEMO_SETTING, 'true', 'demo');
	return DEMO_LOGINS;
}
