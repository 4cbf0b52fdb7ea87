// Privacy and hardening (issue 15, parts 4 and 7), on a real warehouse: concurrent guesses against one
// account (argon2 verifications counted), the password policy where accounts are made, the audit of
// sign-ins, sign-outs, refused uploads, target and list-setting changes (with who), a failed form action
// not logged as a change, list settings refused with clear messages, and JSON saves and sign-out refused
// from another site.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { withRawConnection } from '../../scripts/dev/raw';
import type { Warehouse } from '../../src/lib/server/warehouse';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { addUser, setPassword } from '../../src/lib/server/auth/users';
import { createDemoLogins, DEMO_PASSWORD } from '../../src/lib/server/auth/demo';
import { createSession, hashToken } from '../../src/lib/server/auth/sessions';
import { LOGIN_MAX_FAILURES, signIn } from '../../src/lib/server/auth/login';
import { freshWarehouse, rows } from '../helpers/warehouse';

// every argon2 verification the app makes, counted
const argon2 = vi.hoisted(() => ({ verifications: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
	const real = await importOriginal<typeof import('@node-rs/argon2')>();
	return {
		...real,
		verify: (...args: Parameters<typeof real.verify>) => {
			argon2.verifications++;
			return real.verify(...args);
		}
	};
});

const NORTH = 100001;
const SOUTH = 100002;
const ORIGIN = 'http://localhost';
const EVIL = 'https://evil.example';
const PASSWORD = 'pale orchard kettle drum';

let w: Warehouse;
let slt: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
	w = await freshWarehouse();
	await withRawConnection(w, (conn) => conn.run(`INSERT INTO schools (urn, name) VALUES (${NORTH}, 'North'), (${SOUTH}, 'South')`));
	slt = await addUser(w, { name: 'head', role: 'slt', schools: [NORTH], password: PASSWORD });
	admin = await addUser(w, { name: 'boss', role: 'admin', password: 'brass lantern meadow' });
	await w.checkpoint();
	// the routes reach the warehouse through appWarehouse(): the same file
	process.env.ATTENDANCE_DB = w.path;
});

const auditRows = (action: string) =>
	rows(w, `SELECT user_name, role, action, target, ip FROM audit_log WHERE action = '${action.replace(/'/g, "''")}' ORDER BY audit_id`);

/** What a guarded route answered: its status and body, or the SvelteKit error it threw. */
async function answer(run: () => Response | Promise<Response>): Promise<{ status: number; body: unknown; location?: string }> {
	try {
		const response = await run();
		const text = await response.text();
		let body: unknown = text;
		try {
			body = JSON.parse(text);
		} catch {
			// not JSON
		}
		return { status: response.status, body };
	} catch (e) {
		const thrown = e as { status?: number; body?: { message?: string }; location?: string };
		return { status: thrown.status ?? 500, body: thrown.body ?? String(e), location: thrown.location };
	}
}

/** A hand-made request event, as SvelteKit gives a route. */
function event(path: string, init: { method?: string; body?: string | Buffer; headers?: Record<string, string>; user?: SessionUser | null; params?: Record<string, string>; cookie?: string } = {}) {
	const url = new URL(path, ORIGIN);
	const cookies = new Map<string, string>(init.cookie ? [['lens_session', init.cookie]] : []);
	return {
		url,
		params: init.params ?? {},
		request: new Request(url, { method: init.method ?? 'POST', body: typeof init.body === 'string' || init.body === undefined ? init.body : new Uint8Array(init.body), headers: init.headers }),
		locals: { user: init.user === undefined ? slt : init.user },
		cookies: {
			get: (name: string) => cookies.get(name),
			set: (name: string, value: string) => cookies.set(name, value),
			delete: (name: string) => cookies.delete(name)
		},
		getClientAddress: () => '192.0.2.44'
	};
}

describe('sign-in under concurrent guessing', () => {
	it(`30 guesses at once, the right one last: at most ${LOGIN_MAX_FAILURES} passwords are checked, and the account is locked out`, async () => {
		const ip = '198.51.100.7';
		const before = argon2.verifications;
		const guesses = [...Array.from({ length: 29 }, (_, i) => `wrong guess ${i}`), PASSWORD];
		const results = await Promise.all(guesses.map((guess) => signIn(w, 'head', guess, ip)));
		expect(argon2.verifications - before).toBe(LOGIN_MAX_FAILURES);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(LOGIN_MAX_FAILURES);
		expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(30 - LOGIN_MAX_FAILURES);
		// the right password, 30th, did not get through
		expect(results[29]).toMatchObject({ ok: false, reason: 'locked', retryMinutes: 15 });
		expect(results.some((r) => r.ok)).toBe(false);
		// locked as the policy says: this name from this address, with the right password too, for 15 minutes
		expect(await signIn(w, 'head', PASSWORD, ip)).toMatchObject({ ok: false, reason: 'locked' });
		const locked = await signIn(w, 'head', PASSWORD, ip, new Date(Date.now() + 14 * 60_000));
		expect(locked).toMatchObject({ ok: false, reason: 'locked', retryMinutes: 1 });
		expect(argon2.verifications - before).toBe(LOGIN_MAX_FAILURES);
		// every attempt is in the audit log: the checked ones as failed, the others as refused
		const failed = await rows(w, `SELECT user_name, target, ip FROM audit_log WHERE action = 'sign-in failed' AND ip = '${ip}'`);
		expect(failed).toHaveLength(LOGIN_MAX_FAILURES);
		expect(failed[0]).toEqual({ user_name: 'head', target: 'wrong password', ip });
		expect(await rows(w, `SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'sign-in refused' AND ip = '${ip}'`)).toEqual([{ n: 27 }]);
		// another address is not locked; after the window the right password works again
		expect((await signIn(w, 'head', PASSWORD, '198.51.100.8')).ok).toBe(true);
		expect((await signIn(w, 'head', PASSWORD, ip, new Date(Date.now() + 16 * 60_000))).ok).toBe(true);
	});

	it('unknown names cost a verification and count toward the lock too, without their text in the audit log', async () => {
		const ip = '198.51.100.9';
		const before = argon2.verifications;
		const results = await Promise.all(Array.from({ length: 12 }, () => signIn(w, 'my secret password', 'x', ip)));
		expect(argon2.verifications - before).toBe(LOGIN_MAX_FAILURES);
		expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(12 - LOGIN_MAX_FAILURES);
		const logged = JSON.stringify(await rows(w, `SELECT * FROM audit_log WHERE ip = '${ip}'`));
		expect(logged).not.toContain('my secret password');
		expect(logged).toContain('(no such user)');
	});

	it('a success is audited with the user and role, and clears the count', async () => {
		const ip = '198.51.100.10';
		expect((await signIn(w, 'boss', 'wrong', ip)).ok).toBe(false);
		expect((await signIn(w, 'boss', 'brass lantern meadow', ip)).ok).toBe(true);
		expect((await auditRows('sign in')).filter((r) => r.ip === ip)).toEqual([{ user_name: 'boss', role: 'admin', action: 'sign in', target: null, ip }]);
		expect(await rows(w, `SELECT count(*)::INTEGER AS n FROM login_failures WHERE ip = '${ip}'`)).toEqual([{ n: 0 }]);
	});
});

describe('passwords where accounts are made', () => {
	it('user add, user password and /admin/users refuse short, common and name-based passwords', async () => {
		const add = (password: string, name = 'clerk') => addUser(w, { name, role: 'officer', schools: [NORTH], password });
		await expect(add('short pass')).rejects.toThrow('a password needs at least 12 characters (this one has 10)');
		await expect(add('Password2025!')).rejects.toThrow(/one of the first that guessing tries/);
		await expect(add('P@ssw0rd P@ssw0rd')).rejects.toThrow(/one of the first that guessing tries/);
		await expect(add('qwertyuiopasd')).rejects.toThrow(/run of keys/);
		await expect(add('clerk clerk clerk')).rejects.toThrow(/user name/);
		await expect(add('aaaaaaaaaaaaaaaa')).rejects.toThrow(/different characters/);
		expect(await rows(w, "SELECT count(*)::INTEGER AS n FROM users WHERE name = 'clerk'")).toEqual([{ n: 0 }]);
		await expect(setPassword(w, 'head', 'attendance2025')).rejects.toThrow(/one of the first/);
		// the admin page's form action answers the policy's message as a failure
		const { actions } = await import('../../src/routes/admin/users/+page.server');
		const form = new URLSearchParams({ name: 'clerk', role: 'officer', schools: String(NORTH), password: 'letmein12345' });
		const e = event('/admin/users?/add', { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, user: admin });
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const failed = (await (actions.add as any)(e)) as { status: number; data: { message: string } };
		expect(failed).toMatchObject({ status: 400, data: { message: expect.stringMatching(/one of the first that guessing tries/) } });
		await expect(add('violet canal thimble')).resolves.toMatchObject({ name: 'clerk' });
	});

	it('the demo accounts keep their published password', async () => {
		const demo = await freshWarehouse();
		await withRawConnection(demo, (conn) => conn.run(`INSERT INTO schools (urn, name) VALUES (${NORTH}, 'North')`));
		await createDemoLogins(demo);
		expect((await signIn(demo, 'admin', DEMO_PASSWORD, '203.0.113.1')).ok).toBe(true);
		expect((await signIn(demo, 'governor', DEMO_PASSWORD, '203.0.113.1')).ok).toBe(true);
	});
});

describe('signing out', () => {
	it('is audited, and refused from another site (the session goes on)', async () => {
		const { POST } = await import('../../src/routes/logout/+server');
		const { token } = await createSession(w, slt.id, null);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const forged = await answer(() => POST(event('/logout', { headers: { origin: EVIL }, cookie: token }) as any));
		expect(forged.status).toBe(403);
		const live = async () => (await rows(w, `SELECT count(*)::INTEGER AS n FROM sessions WHERE token_hash = '${hashToken(token)}'`))[0].n;
		expect(await live()).toBe(1);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const out = await answer(() => POST(event('/logout', { headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' }, cookie: token }) as any));
		expect(out).toMatchObject({ status: 303, location: '/login' });
		expect(await live()).toBe(0);
		expect(await auditRows('sign out')).toEqual([{ user_name: 'head', role: 'slt', action: 'sign out', target: null, ip: '192.0.2.44' }]);
	});
});

describe('refused uploads', () => {
	it('are audited with the file, the status and the reason', async () => {
		const { POST } = await import('../../src/routes/api/imports/+server');
		const adminUser = { ...admin };
		const upload = (name: string, body: string | Buffer, headers: Record<string, string> = {}) =>
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			answer(() => POST(event('/api/imports', { body, user: adminUser, headers: { 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(name), ...headers } }) as any));
		expect((await upload('forged.csv', 'UPN,Date,Session,Mark\n', { origin: EVIL })).status).toBe(403);
		expect((await upload('Register.pdf', Buffer.from('%PDF-1.7\n%binary\n'))).status).toBe(415);
		expect((await upload('weekend.csv', `UPN,Date,Session,Mark\nA873402110012,2024-09-07,AM,/\n`, { 'x-school': String(NORTH) })).status).toBe(422);
		const refused = await auditRows('import refused');
		expect(refused.map((r) => [r.user_name, r.role, r.ip])).toEqual(Array(3).fill(['boss', 'admin', '192.0.2.44']));
		expect(refused[0].target).toMatch(/^forged\.csv: 403 Uploads are accepted only from this site/);
		expect(refused[1].target).toMatch(/^Register\.pdf: 415 Register\.pdf looks like a PDF document/);
		expect(refused[2].target).toMatch(/^weekend\.csv: 422 /);
	});
});

describe('target changes', () => {
	it('are saved with who saved them and audited; refused from another site', async () => {
		const { POST } = await import('../../src/routes/overview/target/+server');
		const { actions } = await import('../../src/routes/overview/+page.server');
		const json = (body: unknown, headers: Record<string, string> = {}) =>
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			answer(() => POST(event('/overview/target', { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }) as any));
		expect((await json({ school: String(NORTH), target: '95' }, { origin: EVIL })).status).toBe(403);
		expect((await json({ school: String(NORTH), target: '95' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
		expect(await rows(w, 'SELECT count(*)::INTEGER AS n FROM school_targets')).toEqual([{ n: 0 }]);
		expect(await json({ school: String(NORTH), target: '95' }, { origin: ORIGIN })).toMatchObject({ status: 200, body: { saved: true } });
		// the form action (without JavaScript) records its user too
		const form = new URLSearchParams({ school: '', target: '94.5' }).toString();
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await (actions.target as any)(event('/overview?/target', { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' }, user: admin }));
		expect(await rows(w, 'SELECT school_urn, attendance_target_percent AS target, set_by FROM school_targets ORDER BY set_at')).toEqual([
			{ school_urn: NORTH, target: 95, set_by: 'head' },
			{ school_urn: null, target: 94.5, set_by: 'boss' }
		]);
		expect(await auditRows('set attendance target')).toEqual([
			{ user_name: 'head', role: 'slt', action: 'set attendance target', target: `school ${NORTH}: 95%`, ip: '192.0.2.44' },
			{ user_name: 'boss', role: 'admin', action: 'set attendance target', target: 'the trust: 94.5%', ip: '192.0.2.44' }
		]);
	});
});

describe('list settings', () => {
	const save = async (body: unknown, headers: Record<string, string> = {}, raw?: string) => {
		const { POST } = await import('../../src/routes/api/lists/[list]/settings/+server');
		const e = event('/api/lists/bands/settings', { body: raw ?? JSON.stringify(body), params: { list: 'bands' }, headers: { 'content-type': 'application/json', ...headers } });
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return answer(() => POST(e as any));
	};
	const message = (a: { body: unknown }) => (a.body as { message?: string }).message ?? '';

	it('refuse unknown names, unknown schools and out-of-range values with a clear 400, never the database’s words', async () => {
		const refused = [
			[{ school: null, values: { __proto__: 0.5 } }, `list bands has no parameter '__proto__'`, '{"school": null, "values": {"__proto__": 0.5}}'],
			[{ school: null, values: { constructor: 0.5 } }, `list bands has no parameter 'constructor'`],
			[{ school: null, values: { band_high: 0.97, toString: 1 } }, `list bands has no parameter 'toString'`],
			[{ school: 999999, values: { band_high: 0.97 } }, 'no school with URN 999999 in the warehouse'],
			[{ school: 4294967296, values: { band_high: 0.97 } }, 'no school with URN 4294967296 in the warehouse'],
			[{ school: NORTH, values: { band_high: 5 } }, 'band_high must be between'],
			[{ school: NORTH, values: { band_high: -1 } }, 'band_high must be between'],
			[{ school: NORTH, values: { band_high: 1 } }, null, '{"school": 100001, "values": {"band_high": 1e400}}'],
			[{ school: NORTH, values: { band_high: '0.9'.repeat(50) } }, 'band_high is too long'],
			[{ school: NORTH, values: { band_high: '' } }, 'band_high needs a value']
		] as const;
		for (const [body, expected, raw] of refused) {
			const a = await save(body, {}, raw);
			expect(a.status, JSON.stringify(body)).toBe(400);
			if (expected) expect(message(a)).toContain(expected);
			expect(message(a)).not.toMatch(/duckdb|conversion|INTEGER|binder|catalog|sql/i);
		}
		expect(await rows(w, 'SELECT count(*)::INTEGER AS n FROM list_settings')).toEqual([{ n: 0 }]);
		expect(Object.prototype).not.toHaveProperty('band_high');
	});

	it('are saved with who saved them and audited; refused from another site', async () => {
		expect((await save({ school: NORTH, values: { band_high: 0.98 } }, { origin: EVIL })).status).toBe(403);
		expect(await save({ school: NORTH, values: { band_high: 0.98 } }, { origin: ORIGIN })).toMatchObject({ status: 200 });
		expect(await rows(w, 'SELECT school_urn, list, param, value, saved_by FROM list_settings')).toEqual([
			{ school_urn: NORTH, list: 'bands', param: 'band_high', value: '0.98', saved_by: 'head' }
		]);
		expect(await auditRows('change list settings')).toEqual([
			{ user_name: 'head', role: 'slt', action: 'change list settings', target: `bands for school ${NORTH}: band_high=0.98`, ip: '192.0.2.44' }
		]);
	});
});

describe('form actions in the audit log', () => {
	it('a failed action (answered 200 with the failure inside) is not logged as a change; a done one is', async () => {
		const { handle } = await import('../../src/hooks.server');
		const { token } = await createSession(w, admin.id, null);
		const post = async (result: unknown) => {
			const e = event('/admin/users?/add', {
				body: 'name=x',
				user: null,
				cookie: token,
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-sveltekit-action': 'true', origin: ORIGIN }
			});
			const full = { ...e, route: { id: '/admin/users' }, isDataRequest: false };
			// SvelteKit answers an action posted by JavaScript with 200 and its result as JSON
			const resolve = async () => new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json' } });
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			return handle({ event: full as any, resolve });
		};
		const count = async () => Number((await rows(w, "SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'change users'"))[0].n);
		const before = await count();
		expect((await post({ type: 'failure', status: 400, data: '[{"message":1},"refused"]' })).status).toBe(200);
		expect(await count()).toBe(before);
		await post({ type: 'success', status: 200, data: '[{"done":1},"Added x."]' });
		expect(await count()).toBe(before + 1);
	});
});
