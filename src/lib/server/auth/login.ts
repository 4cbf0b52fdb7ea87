// Signing in: a name and password checked against the argon2 hash, with failures rate-limited per
// name and address (LOGIN_MAX_FAILURES in LOGIN_WINDOW_MINUTES, then "try again in N minutes").
// Each attempt is counted before its password is checked, one claim at a time per name and address, so
// that however many guesses arrive at once, at most LOGIN_MAX_FAILURES of them are checked in a window.
// Every attempt (signed in, failed, refused while locked out) goes into the audit log.
import type { Warehouse } from '../warehouse';
import type { SessionUser } from './roles';
import { findUser, hashPassword, sessionUserOf, verifyPassword } from './users';
import { createSession } from './sessions';
import { audit } from './audit';
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

/** The claims being made, one chain per name and address: a claim reads the count the one before it wrote. */
const claims = new Map<string, Promise<unknown>>();

/**
 * Counts an attempt for a name and address before its password is checked (as a failure, cleared if it
 * succeeds): 0 when it may go on, else the minutes the lock has left (nothing is counted then).
 */
function claimAttempt(warehouse: Warehouse, name: string, ip: string, now: Date): Promise<number> {
	const key = `${name}\u0000${ip}`;
	const claim = (claims.get(key) ?? Promise.resolve()).then(async () => {
		const counted = await warehouse.write('commands/auth/login_attempt', {
			name,
			ip,
			now: sqlTime(now),
			since: sqlTime(new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000)),
			max: LOGIN_MAX_FAILURES,
			forget_before: sqlTime(new Date(now.getTime() - 24 * 3_600_000))
		});
		return counted.length > 0 ? 0 : Math.max(1, await lockedFor(warehouse, name, ip, now));
	});
	const settled = claim.catch(() => undefined);
	claims.set(key, settled);
	void settled.then(() => claims.get(key) === settled && claims.delete(key));
	return claim;
}

export async function signIn(warehouse: Warehouse, name: string, password: string, ip: string, now = new Date()): Promise<SignIn> {
	const minutes = await claimAttempt(warehouse, name, ip, now);
	const row = await findUser(warehouse, name);
	// the audit log names an account that exists; a name that is not one may be a password typed in the wrong box
	const who = row ? { name: row.name, role: row.role } : { name: '(no such user)', role: null };
	if (minutes > 0) {
		await audit(warehouse, who, 'sign-in refused', `locked out for ${minutes} minute${minutes === 1 ? '' : 's'}`, ip, now);
		return {
			ok: false,
			reason: 'locked',
			retryMinutes: minutes,
			message: `Too many failed sign-ins for ${name}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
		};
	}
	// an unknown name costs as long as a wrong password, so timing does not tell which names exist
	const ok = row ? await verifyPassword(row.password_hash, password) : (await verifyPassword(await (dummyHash ??= hashPassword('not a password')), password), false);
	if (!row || !ok) {
		await audit(warehouse, who, 'sign-in failed', row ? 'wrong password' : 'no account of that name', ip, now);
		return { ok: false, reason: 'invalid', message: 'That user name and password do not match an account.' };
	}
	await warehouse.write('commands/auth/login_failures_clear', { name, ip });
	const { token, expires } = await createSession(warehouse, row.user_id, ip, now);
	const user = sessionUserOf(row);
	await audit(warehouse, user, 'sign in', null, ip, now);
	return { ok: true, user, token, expires };
}

/**
 * Where to go after signing in (`next=`): a path of this site, else '/'. A single leading '/', never
 * '//' or a backslash, and no control or white-space characters, as given or once decoded (browsers drop
 * a tab or newline, so '/\t/evil.example' would be '//evil.example', another site); spaces only
 * percent-encoded in the query. Anything else, or anything that would resolve to another origin, is '/'.
 */
export function safeNextPath(value: string | null | undefined): string {
	if (!value || value.length > 2000 || !value.startsWith('/') || value.startsWith('//')) return '/';
	if (/[\\\p{Cc}\p{Cf}\s]/u.test(value)) return '/';
	let decoded: string;
	try {
		decoded = decodeURIComponent(value);
	} catch {
		return '/';
	}
	const path = decoded.split(/[?#]/, 1)[0];
	if (path.startsWith('//') || /[\\\p{Cc}\p{Cf}\s]/u.test(path) || /[\p{Cc}\p{Cf}]/u.test(decoded)) return '/';
	const base = 'http://next.invalid';
	const url = new URL(value, base);
	return url.origin === base ? value : '/';
}
