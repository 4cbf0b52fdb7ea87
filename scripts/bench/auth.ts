// Signing the benchmark in: the app serves its data only to signed-in users, so the benchmark adds an
// admin account of its own to the warehouse (in a child process, before the server opens the file) and
// signs in through the login form like a browser, keeping the session cookie.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

export interface BenchUser {
	name: string;
	password: string;
}

/** Adds (or replaces) the user `bench-admin` with a random password; null when the app has no sign-in. */
export async function benchUser(db: string): Promise<BenchUser | null> {
	if (!existsSync('src/lib/server/auth/users.ts')) return null;
	const user = { name: 'bench-admin', password: randomBytes(18).toString('base64url') };
	const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
		const { Warehouse } = await import('./src/lib/server/warehouse/index.ts');
		const { addUser, removeUser } = await import('./src/lib/server/auth/users.ts');
		const w = await Warehouse.open(${JSON.stringify(db)});
		await removeUser(w, ${JSON.stringify(user.name)});
		await addUser(w, { name: ${JSON.stringify(user.name)}, role: 'admin', schools: [], pupilAccess: false, password: process.env.BENCH_PASSWORD });
		await w.checkpoint();
		process.exit(0);
	`], { encoding: 'utf8', env: { ...process.env, BENCH_PASSWORD: user.password } });
	if (child.status !== 0) throw new Error(`could not add the benchmark's user: ${child.stderr}`);
	return user;
}

/** Signs in through the login form; returns the Cookie header to send with every request. */
export async function signIn(base: string, user: BenchUser): Promise<string> {
	const response = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ name: user.name, password: user.password, next: '/' })
	});
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (response.status !== 303 || cookies.length === 0)
		throw new Error(`signing in as ${user.name} failed: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
	return cookies.join('; ');
}
