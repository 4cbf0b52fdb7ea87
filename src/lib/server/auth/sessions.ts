// Sessions: a random token in an HTTP-only cookie; the warehouse keeps only its SHA-256, with an expiry.
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { Warehouse } from '../warehouse';
import type { SessionUser } from './roles';
import { sessionUserOf, type UserRow } from './users';
import { sqlTime } from './clock';

export const SESSION_COOKIE = 'lens_session';
/** How long a sign-in lasts (SESSION_HOURS, default 12). */
export const sessionHours = (): number => {
	const hours = Number(process.env.SESSION_HOURS ?? 12);
	return Number.isFinite(hours) && hours > 0 ? hours : 12;
};

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Starts a session for a user: the token to give the browser, and when it expires. */
export async function createSession(warehouse: Warehouse, userId: number, ip: string | null, now = new Date()): Promise<{ token: string; expires: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expires = new Date(now.getTime() + sessionHours() * 3_600_000);
	await warehouse.write('commands/auth/session_create', {
		token_hash: hashToken(token),
		user_id: userId,
		now: sqlTime(now),
		expires_at: sqlTime(expires),
		ip
	});
	return { token, expires };
}

/**
 * The user of a live session, or null (no such token, or expired). Kept until the next commit (a page's
 * many data requests ask the warehouse once; a sign-out, a removed user or a new password is a commit).
 */
export async function sessionUser(warehouse: Warehouse, token: string | undefined, now = new Date()): Promise<SessionUser | null> {
	if (!token || token.length > 100) return null;
	const tokenHash = hashToken(token);
	const known = await warehouse.keep(`session ${tokenHash}`, async () => {
		const [row] = await warehouse.read('auth/session_user', { token_hash: tokenHash, now: sqlTime(now) });
		// (rows give a TIMESTAMP as ISO text: resultRows)
		return row ? { user: sessionUserOf(row as unknown as UserRow), expires: Date.parse(String(row.expires_at)) } : null;
	});
	return known && known.expires > now.getTime() ? known.user : null;
}

export async function endSession(warehouse: Warehouse, token: string | undefined): Promise<void> {
	if (token) await warehouse.write('commands/auth/session_delete', { token_hash: hashToken(token) });
}

/** Sets the session cookie: HTTP-only, SameSite=Lax, Secure over https, expiring with the session. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expires: Date): void {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', expires });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}
