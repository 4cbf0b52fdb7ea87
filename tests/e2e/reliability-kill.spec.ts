// Killing the server (SIGKILL) in the middle of an upload or of its import leaves the warehouse exactly
// as before, and the next start works without repair (reopened by the app and by the CLI). A built
// server of its own on port 4185, on a copy of the demo warehouse; a generated 2.5-million-mark register.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { probe, ROOT, writeBigRegister } from '../integration/reliability-register';
import { demoCopy, killServer, signIn, startServer, upload, type Server } from './reliability-server';

const PORT = 4185;
const MARKS = 2_500_000;
const exec = promisify(execFile);

test.describe.configure({ mode: 'serial' });
test.setTimeout(600_000);

let server: Server | undefined;
test.afterAll(async () => {
	if (server) await killServer(server);
});

const uploadDirs = () => readdirSync(tmpdir()).filter((f) => f.startsWith('lens-upload-'));
const pidOf = (s: Server) => s.process.pid!;

function copyWarehouse(from: string, to: string) {
	copyFileSync(from, to);
	if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
}

test('SIGKILL of the server mid-upload and mid-import leaves the warehouse as it was; the next start imports the file whole', async () => {
	const db = demoCopy('lens-e2e-kill-');
	const big = join(dirname(db), 'autumn-register.csv');
	expect(await writeBigRegister(big, MARKS)).toBe(MARKS);
	const before = await probe(db);
	const school = String(before.schools[0]);

	// 1. killed while the body is still arriving (half the file sent)
	server = await startServer(PORT, db);
	let cookie = await signIn(server.origin);
	const first = server;
	let sent = 0;
	async function* halfThenKill() {
		for await (const chunk of createReadStream(big, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
			yield chunk;
			sent += chunk.length;
			if (sent > 35_000_000) {
				await killServer(first);
				return;
			}
		}
	}
	const midUpload = await upload(server.origin, cookie, 'autumn-register.csv', halfThenKill(), { 'x-school': school }).catch((e: Error) => e);
	expect(midUpload).toBeInstanceOf(Error);
	// the killed server could not remove its temp folder
	expect(uploadDirs().some((d) => d.startsWith(`lens-upload-${pidOf(first)}-`))).toBe(true);
	expect((await probe(db)).fingerprint).toEqual(before.fingerprint);

	// 2. killed while importing: the whole file sent, the import running
	server = await startServer(PORT, db);
	cookie = await signIn(server.origin);
	const second = server;
	let killedAt = 0;
	const midImport = await upload(server.origin, cookie, 'autumn-register.csv', createReadStream(big) as AsyncIterable<Buffer>, { 'x-school': school }, () => {
		// the file is on the server; the import (a few seconds for 2.5 million marks) is under way
		setTimeout(() => {
			killedAt = Date.now();
			void killServer(second);
		}, 600);
	}).catch((e: Error) => e);
	expect(killedAt).toBeGreaterThan(0);
	expect(midImport, 'the import finished before the kill').toBeInstanceOf(Error);

	// reopened from the same bytes by the app's open code and by the CLI
	const cliCopy = join(dirname(db), 'cli.duckdb');
	copyWarehouse(db, cliCopy);
	const after = await probe(db);
	expect(after.fingerprint).toEqual(before.fingerprint);
	expect(after.tables).toEqual(before.tables);
	const { stdout } = await exec('npx', ['tsx', 'scripts/cli.ts', 'report', 'summary', '--db', cliCopy, '--format', 'json'], { cwd: ROOT });
	expect(JSON.parse(stdout).pupils).toBeGreaterThan(0);

	// 3. the next start works without repair: it answers, clears the killed servers' temp folders on its
	// first upload, and imports the same file whole
	server = await startServer(PORT, db);
	cookie = await signIn(server.origin);
	const summary = await fetch(`${server.origin}/api/summary/codes`, { headers: { cookie } });
	expect(summary.status).toBe(200);
	const whole = await upload(server.origin, cookie, 'autumn-register.csv', createReadStream(big) as AsyncIterable<Buffer>, { 'x-school': school });
	expect(whole.status, whole.text).toBe(200);
	expect(JSON.parse(whole.text)).toMatchObject({ status: 'loaded', rowsRead: MARKS, added: MARKS, amended: 0 });
	expect(uploadDirs().filter((d) => d.startsWith(`lens-upload-${pidOf(first)}-`) || d.startsWith(`lens-upload-${pidOf(second)}-`))).toEqual([]);
	await killServer(server);
	server = undefined;
	expect((await probe(db)).marks).toBe(before.marks + MARKS);
	rmSync(dirname(db), { recursive: true, force: true });
});
