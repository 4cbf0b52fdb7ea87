// Sign-in accounts: added, listed, removed and given new passwords (by the CLI and /admin/users).
import { InputError } from '../../catalog/errors';
import { hash, verify } from '@node-rs/argon2';
import type { Warehouse } from '../warehouse';
import { ROLES, type Role, type SessionUser } from './roles';
import { sqlTime } from './clock';
import { passwordProblem } from './password-policy';

/** Argon2id with the library's defaults (19 MiB, 2 passes): the hash holds its own salt and settings. */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export interface NewUser {
	name: string;
	role: string;
	schools?: number[] | null;
	pupilAccess?: boolean;
	password: string;
}

export interface UserRow {
	user_id: number;
	name: string;
	role: Role;
	schools: string | null;
	pupil_access: boolean;
}

/** An account row as the SessionUser the request carries. */
export function sessionUserOf(row: UserRow): SessionUser {
	return {
		id: row.user_id,
		name: row.name,
		role: row.role,
		schools: row.schools === null ? null : row.schools.split(',').filter(Boolean).map(Number),
		pupilAccess: !!row.pupil_access
	};
}

/** The schools of a new account, checked: school roles need at least one school in the warehouse. */
async function checkedSchools(warehouse: Warehouse, role: Role, schools: number[] | null | undefined): Promise<number[] | null> {
	const known = new Set((await warehouse.read('auth/school_urns')).map((r) => Number(r.urn)));
	const list = [...new Set(schools ?? [])];
	for (const urn of list) if (!known.has(urn)) throw new InputError(`no school with URN ${urn} in the warehouse`);
	if (role === 'admin') {
		if (list.length) throw new InputError('an admin sees every school: give no --school');
		return null;
	}
	if (list.length === 0) {
		// a trust account with no school named covers every school of the warehouse (the trust)
		if (role === 'trust') return null;
		throw new InputError(`a ${role} account needs its school (--school URN)`);
	}
	return list;
}

/** Refuses a new password that does not meet the policy (src/lib/server/auth/password-policy.ts). */
export function checkPassword(password: string, name: string): void {
	const problem = passwordProblem(password, name);
	if (problem) throw new InputError(problem);
}

/** Adds an account: its name, role and schools checked, then its password against the policy. */
export async function addUser(warehouse: Warehouse, user: NewUser, now = new Date()): Promise<SessionUser> {
	return createAccount(warehouse, user, now, true);
}

/**
 * Adds an account whose password is published (the demo's, listed on its sign-in page): everything is
 * checked but the password policy, which cannot make a published password secret. Nothing else uses it.
 */
export function addPublishedAccount(warehouse: Warehouse, user: NewUser, now = new Date()): Promise<SessionUser> {
	return createAccount(warehouse, user, now, false);
}

async function createAccount(warehouse: Warehouse, user: NewUser, now: Date, policy: boolean): Promise<SessionUser> {
	if (!NAME.test(user.name)) throw new InputError('a user name is letters, digits and . _ @ - (up to 64, starting with a letter or digit)');
	if (!(ROLES as readonly string[]).includes(user.role)) throw new InputError(`role must be one of ${ROLES.join(', ')}`);
	const role = user.role as Role;
	if (user.pupilAccess && role !== 'trust') throw new InputError('--pupil-access is for trust accounts (other roles have it by role or never)');
	const schools = await checkedSchools(warehouse, role, user.schools);
	if ((await warehouse.read('auth/user_by_name', { name: user.name })).length) throw new InputError(`there is already a user '${user.name}'`);
	if (policy) checkPassword(user.password, user.name);
	else if (!user.password) throw new InputError('a password is needed');
	const [row] = await warehouse.write('commands/auth/user_add', {
		name: user.name,
		role,
		schools: schools === null ? null : schools.join(','),
		pupil_access: role === 'trust' && !!user.pupilAccess,
		password_hash: await hashPassword(user.password),
		now: sqlTime(now)
	});
	return sessionUserOf({ user_id: Number(row.user_id), name: user.name, role, schools: schools?.join(',') ?? null, pupil_access: !!user.pupilAccess });
}

export interface UserListing {
	user_id: number;
	name: string;
	role: Role;
	schools: string | null;
	pupil_access: boolean;
	created_at: string;
	password_changed_at: string;
	sessions: number;
}

export async function listUsers(warehouse: Warehouse, now = new Date()): Promise<UserListing[]> {
	return (await warehouse.read('auth/users_list', { now: sqlTime(now) })) as unknown as UserListing[];
}

export async function findUser(warehouse: Warehouse, name: string): Promise<(UserRow & { password_hash: string }) | null> {
	const [row] = await warehouse.read('auth/user_by_name', { name });
	return (row as unknown as UserRow & { password_hash: string }) ?? null;
}

/** Removes an account (and its sessions); false when there is none of that name. */
export async function removeUser(warehouse: Warehouse, name: string): Promise<boolean> {
	return (await warehouse.write('commands/auth/user_remove', { name })).length > 0;
}

/** Sets a new password (signing the account out everywhere); false when there is no such account. */
export async function setPassword(warehouse: Warehouse, name: string, password: string, now = new Date()): Promise<boolean> {
	checkPassword(password, name);
	const password_hash = await hashPassword(password);
	return (await warehouse.write('commands/auth/user_password', { name, password_hash, now: sqlTime(now) })).length > 0;
}

/** "140001, 140002" → [140001, 140002]; empty → []. */
export function parseSchoolList(text: string | undefined | null): number[] {
	const parts = (text ?? '').split(/[\s,]+/).filter(Boolean);
	for (const p of parts) if (!/^\d{1,8}$/.test(p)) throw new InputError(`a school is a URN (digits), not '${p}'`);
	return parts.map(Number);
}
