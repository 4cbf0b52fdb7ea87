// Sign-in: passwords stored only as argon2id hashes, sessions stored only as token hashes and expiring,
// failed sign-ins rate-limited per name and address.
import { withRawConnection } from '../../scripts/dev/raw';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { addUser, findUser, listUsers, removeUser, setPassword, verifyPassword } from '../../src/lib/server/auth/users';
import { createSession, endSession, sessionUser } from '../../src/lib/server/auth/sessions';
import { LOGIN_MAX_FAILURES, signIn } from '../../src/lib/server/auth/login';
import { freshWarehouse, rows } from '../helpers/warehouse';

let w: Warehouse;
const T0 = new Date('2026-11-23T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(async () => {
	w = await freshWarehouse();
	await withRawConnection(w, (conn) => conn.run("INSERT INTO schools (urn, name) VALUES (100001, 'North'), (100002, 'South')"));
	await addUser(w, { name: 'head', role: 'slt', schools: [100001], password: 'correct horse' });
	await addUser(w, { name: 'boss', role: 'admin', password: 'battery staple' });
});

describe('accounts', () => {
	it('stores an argon2id hash, never the password', async () => {
		const all = await rows(w, 'SELECT * FROM users');
		expect(all).toHaveLength(2);
		const text = JSON.stringify(all);
		expect(text).not.toContain('correct horse');
		expect(text).not.toContain('battery staple');
		const head = await findUser(w, 'head');
		expect(head!.password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
		expect(await verifyPassword(head!.password_hash, 'correct horse')).toBe(true);
		expect(await verifyPassword(head!.password_hash, 'correct horsE')).toBe(false);
		// the same password twice gives two different hashes (a salt each)
		await addUser(w, { name: 'head2', role: 'slt', schools: [100001], password: 'correct horse' });
		expect((await findUser(w, 'head2'))!.password_hash).not.toBe(head!.password_hash);
		await removeUser(w, 'head2');
	});

	it('checks role, schools and names', async () => {
		await expect(addUser(w, { name: 'gov', role: 'governor', password: 'pass1' })).rejects.toThrow(/needs its school/);
		await expect(addUser(w, { name: 'gov', role: 'governor', schools: [999], password: 'pass1' })).rejects.toThrow(/no school with URN 999/);
		await expect(addUser(w, { name: 'gov', role: 'chair', schools: [100001], password: 'pass1' })).rejects.toThrow(/role must be/);
		await expect(addUser(w, { name: 'head', role: 'slt', schools: [100001], password: 'pass1' })).rejects.toThrow(/already/);
		await expect(addUser(w, { name: "x' OR 1=1", role: 'slt', schools: [100001], password: 'pass1' })).rejects.toThrow(/user name/);
		await expect(addUser(w, { name: 'gov', role: 'governor', schools: [100001], password: 'abc' })).rejects.toThrow(/at least 12 characters/);
		const trust = await addUser(w, { name: 'trust', role: 'trust', password: 'granite meadow swallow', pupilAccess: true });
		expect(trust).toMatchObject({ role: 'trust', schools: null, pupilAccess: true });
		expect((await listUsers(w)).map((u) => u.name)).toEqual(['boss', 'head', 'trust']);
	});
});

describe('signing in', () => {
	it('gives a session for the right password and refuses a wrong one or an unknown name alike', async () => {
		const ok = await signIn(w, 'head', 'correct horse', '10.0.0.1', T0);
		expect(ok.ok).toBe(true);
		if (!ok.ok) return;
		expect(ok.user).toMatchObject({ name: 'head', role: 'slt', schools: [100001] });
		const wrong = await signIn(w, 'head', 'wrong', '10.0.0.1', T0);
		const unknown = await signIn(w, 'nobody', 'wrong', '10.0.0.1', T0);
		expect(wrong).toMatchObject({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual(wrong);
	});

	it(`locks a name and address out after ${LOGIN_MAX_FAILURES} failures in 15 minutes, with a clear message`, async () => {
		const ip = '10.0.0.2';
		// failures at 0, 1, 2, 3 and 4 minutes
		for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect((await signIn(w, 'boss', `guess ${i}`, ip, at(i))).ok).toBe(false);
		// now even the right password is refused: the lock ends 15 minutes after the first failure
		const locked = await signIn(w, 'boss', 'battery staple', ip, at(5));
		expect(locked).toMatchObject({ ok: false, reason: 'locked', retryMinutes: 10 });
		expect(!locked.ok && locked.message).toBe('Too many failed sign-ins for boss. Try again in 10 minutes.');
		expect(await signIn(w, 'boss', 'battery staple', ip, at(14.5))).toMatchObject({ reason: 'locked', retryMinutes: 1 });
		// another address, and another name from this address, are not locked
		expect((await signIn(w, 'boss', 'battery staple', '10.0.0.3', at(5))).ok).toBe(true);
		expect((await signIn(w, 'head', 'correct horse', ip, at(5))).ok).toBe(true);
		// after 15 minutes the first failure has aged out (4 left in the window): the right password works again
		expect((await signIn(w, 'boss', 'battery staple', ip, at(15.1))).ok).toBe(true);
		// and a success clears the count
		expect((await rows(w, "SELECT count(*) AS n FROM login_failures WHERE name = 'boss' AND ip = '10.0.0.2'"))[0].n).toBe(0);
	});
});

describe('sessions', () => {
	it('stores only the hash of the token, and ends at its expiry or on sign-out', async () => {
		const boss = (await findUser(w, 'boss'))!;
		const { token, expires } = await createSession(w, boss.user_id, '10.0.0.9', T0);
		expect(token.length).toBeGreaterThanOrEqual(40);
		expect(expires.toISOString()).toBe('2026-11-23T21:00:00.000Z'); // 12 hours
		const stored = JSON.stringify(await rows(w, 'SELECT * FROM sessions'));
		expect(stored).not.toContain(token);
		expect(stored).toContain(createHash('sha256').update(token).digest('hex'));
		expect(await sessionUser(w, token, at(60))).toMatchObject({ name: 'boss', role: 'admin', schools: null });
		expect(await sessionUser(w, token, at(12 * 60 - 1))).not.toBeNull();
		expect(await sessionUser(w, token, at(12 * 60))).toBeNull();
		expect(await sessionUser(w, `${token}x`, at(60))).toBeNull();
		expect(await sessionUser(w, undefined, at(60))).toBeNull();
		const second = await createSession(w, boss.user_id, null, T0);
		await endSession(w, second.token);
		expect(await sessionUser(w, second.token, at(1))).toBeNull();
	});

	it('a new password or removing the account signs it out everywhere', async () => {
		const head = (await findUser(w, 'head'))!;
		const { token } = await createSession(w, head.user_id, null, T0);
		expect(await sessionUser(w, token, at(1))).not.toBeNull();
		await setPassword(w, 'head', 'fresh pebble lantern', T0);
		expect(await sessionUser(w, token, at(1))).toBeNull();
		expect((await signIn(w, 'head', 'correct horse', '10.0.0.4', at(2))).ok).toBe(false);
		const again = await signIn(w, 'head', 'fresh pebble lantern', '10.0.0.4', at(2));
		expect(again.ok).toBe(true);
		await removeUser(w, 'head');
		expect(await sessionUser(w, again.ok ? again.token : '', at(3))).toBeNull();
	});
});
