// For the reliability specs: a built server of their own (node build) on its own port and warehouse
// copy, the demo admin's sign-in, and a raw upload to POST /api/imports.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The demo warehouse tests/e2e/serve.mjs builds for the browser tests (400 pupils, 2 schools). */
export const DEMO_DB = resolve('test-results/e2e-data/demo.duckdb');

/** A copy of the demo warehouse in a folder of its own. */
export function demoCopy(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	const db = join(dir, 'server.duckdb');
	copyFileSync(DEMO_DB, db);
	if (existsSync(`${DEMO_DB}.wal`)) copyFileSync(`${DEMO_DB}.wal`, `${db}.wal`);
	return db;
}

export interface Server {
	process: ChildProcess;
	origin: string;
	output: () => string;
}

/**
 * Starts the built app on `port` with warehouse `db`, and waits until it answers: `node build` (with
 * BODY_SIZE_LIMIT=Infinity, so that uploads pass), or `entry` (server.js: the app as npm start serves it).
 */
export async function startServer(port: number, db: string, env: Record<string, string> = {}, entry = 'build'): Promise<Server> {
	mkdirSync('test-results', { recursive: true });
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, [entry], {
		env: { ...process.env, PORT: String(port), ATTENDANCE_DB: db, BODY_SIZE_LIMIT: 'Infinity', ORIGIN: origin, TZ: 'UTC', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (c) => (output += c));
	child.stderr!.on('data', (c) => (output += c));
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`the server stopped: ${output}`);
		try {
			const response = await fetch(`${origin}/login`);
			if (response.status < 500) return { process: child, origin, output: () => output };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	throw new Error(`the server did not start: ${output}`);
}

/** Kills the server outright and waits for it to be gone. */
export async function killServer(server: Server): Promise<void> {
	if (server.process.exitCode !== null || server.process.signalCode !== null) return;
	const gone = new Promise((r) => server.process.once('exit', r));
	server.process.kill('SIGKILL');
	await gone;
}

/** Signs in as the demo admin (admin / demo) and returns the session cookie, or '' when there is no sign-in. */
export async function signIn(origin: string): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		body: new URLSearchParams({ name: 'admin', password: 'demo', next: '/' }),
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		redirect: 'manual'
	});
	if (response.status === 404) return '';
	if (response.status !== 303) throw new Error(`the demo admin could not sign in: HTTP ${response.status}`);
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

/**
 * Sends `body` (chunks, written as the socket takes them) to POST /api/imports. `onSent` is called once
 * the whole body is on its way; the promise settles with the answer, or with the error when the
 * server goes away.
 */
export function upload(
	origin: string,
	cookie: string,
	name: string,
	body: AsyncIterable<Buffer> | Buffer,
	headers: Record<string, string> = {},
	onSent?: () => void
): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const url = new URL('/api/imports', origin);
		const req = httpRequest(url, {
			method: 'POST',
			headers: { origin, cookie, 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(name), ...headers }
		});
		req.on('response', (res) => {
			let text = '';
			res.on('data', (c) => (text += c));
			res.on('end', () => resolve({ status: res.statusCode!, text }));
			res.on('error', reject);
		});
		req.on('error', reject);
		(async () => {
			if (Buffer.isBuffer(body)) req.write(body);
			else
				for await (const chunk of body)
					if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
			req.end(() => onSent?.());
		})().catch(reject);
	});
}
