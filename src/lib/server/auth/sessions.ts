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

/** Sessions looked up in the last minute, so that a page's many data requests ask the warehouse once. */
const recent = new WeakMap<Warehouse, Map<string, { user: SessionUser; expires: number; until: number }>>();
const RECENT_MS = 60_000;

/** Forgets the sessions looked up: after a sign-out, or a user removed or given a new password. */
export function forgetSessions(warehouse: Warehouse): void {
	recent.get(warehouse)?.clear();
}

/** The user of a live session, or null (no such token, or expired). */
export async function sessionUser(warehouse: Warehouse, token: string | undefined, now = new Date()): Promise<SessionUser | null> {
	if (!token || token.length > 100) return null;
	const tokenHash = hashToken(token);
	let held = recent.get(warehouse);
	if (!held) recent.set(warehouse, (held = new Map()));
	const known = held.get(tokenHash);
	if (known && known.expires > now.getTime() && known.until > Date.now()) return known.user;
	const [row] = await warehouse.read('auth/session_user', { token_hash: tokenHash, now: sqlTime(now) });
	if (!row) return null;
	const user = sessionUserOf(row as unknown as UserRow);
	if (held.size > 10_000) held.clear();
	// (rows give a TIMESTAMP as ISO text: resultRows)
	held.set(tokenHash, { user, expires: Date.parse(String(row.expires_at)), until: Date.now() + RECENT_MS });
	return user;
}

export async function endSession(warehouse: Warehouse, token: string | undefined): Promise<void> {
	forgetSessions(warehouse);
	if (token) await warehouse.write('commands/auth/session_delete', { token_hash: hashToken(token) });
}

/** Sets the session cookie: HTTP-only, SameSite=Lax, Secure over https, expiring with the session. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expires: Date): void {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', expires });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}
