// Signing in: a name and password checked against the argon2 hash, with failures rate-limited per
// name and address (LOGIN_MAX_FAILURES in LOGIN_WINDOW_MINUTES, then "try again in N minutes").
import type { Warehouse } from '../warehouse';
import type { SessionUser } from './roles';
import { findUser, hashPassword, sessionUserOf, verifyPassword } from './users';
import { createSession } from './sessions';
import { sqlTime } from './clock';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MINUTES = 15;

let dummyHash: Promise<string> | undefined;

export type SignIn =
	| { ok: true; user: SessionUser; token: string; expires: Date }
	| { ok: false; reason: 'invalid' | 'locked'; message: string; retryMinutes?: number };

/** How long a name+address is locked out for (minutes, rounded up), or 0. */
export async function lockedFor(warehouse: Warehouse, name: string, ip: string, now = new Date()): Promise<number> {
	const windowMs = LOGIN_WINDOW_MINUTES * 60_000;
	const [row] = await warehouse.read('auth/login_failures', { name, ip, since: sqlTime(new Date(now.getTime() - windowMs)) });
	if (!row || Number(row.failures) < LOGIN_MAX_FAILURES) return 0;
	const oldest = new Date(`${String(row.oldest)}${String(row.oldest).endsWith('Z') ? '' : 'Z'}`);
	return Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 60_000));
}

export async function signIn(warehouse: Warehouse, name: string, password: string, ip: string, now = new Date()): Promise<SignIn> {
	const minutes = await lockedFor(warehouse, name, ip, now);
	if (minutes > 0)
		return {
			ok: false,
			reason: 'locked',
			retryMinutes: minutes,
			message: `Too many failed sign-ins for ${name}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
		};
	const row = await findUser(warehouse, name);
	// an unknown name costs as long as a wrong password, so timing does not tell which names exist
	const ok = row ? await verifyPassword(row.password_hash, password) : (await verifyPassword(await (dummyHash ??= hashPassword('not a password')), password), false);
	if (!row || !ok) {
		await warehouse.write('commands/auth/login_failure_add', {
			name,
			ip,
			now: sqlTime(now),
			forget_before: sqlTime(new Date(now.getTime() - 24 * 3_600_000))
		});
		return { ok: false, reason: 'invalid', message: 'That user name and password do not match an account.' };
	}
	await warehouse.write('commands/auth/login_failures_clear', { name, ip });
	const { token, expires } = await createSession(warehouse, row.user_id, ip, now);
	return { ok: true, user: sessionUserOf(row), token, expires };
}
