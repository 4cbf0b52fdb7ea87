// Resource limits over real HTTP, against the app as `npm start` serves it (server.js, on port 4187,
// with its default BODY_SIZE_LIMIT of 512K and uploads up to ATTENDANCE_MAX_UPLOAD_MB=20 here):
// a large POST to /login is refused with 413 without the server's memory growing; a refused upload
// larger than one chunk gets its 413 / 415 answer (in Chromium too), not a reset connection; a file no
// export looks like is refused within seconds while reads go on; an abandoned upload's import is
// cancelled, and the warehouse is as it was.
import { createReadStream, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { probe, writeBigRegister } from '../integration/reliability-register';
import { demoCopy, killServer, signIn, startServer, upload, type Server } from './reliability-server';

const PORT = 4187;
const MB = 1024 * 1024;

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

let server: Server | undefined;
let db: string;
let cookie: string;
let school: string;

test.beforeAll(async () => {
	db = demoCopy('lens-e2e-limits-');
	school = String((await probe(db)).schools[0]);
	server = await startServer(PORT, db, { BODY_SIZE_LIMIT: '512K', ATTENDANCE_MAX_UPLOAD_MB: '20' }, 'server.js');
	cookie = await signIn(server.origin);
});

test.afterAll(async () => {
	if (server) await killServer(server);
	rmSync(dirname(db), { recursive: true, force: true });
});

/** The server's resident memory now and at its peak (VmRSS, VmHWM), in MB. */
function memory(s: Server): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${s.process.pid}/status`, 'utf8');
	const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]);
	return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** `total` bytes: `head`, then 1 MB chunks of `fill`. */
async function* bytes(total: number, head = '', fill = 'a'): AsyncGenerator<Buffer> {
	const first = Buffer.from(head);
	yield first;
	const chunk = Buffer.alloc(MB, fill);
	for (let sent = first.length; sent < total; sent += chunk.length) yield chunk;
}

/** POSTs `body` (with its Content-Length unless `chunked`) and settles with the answer, or with the error when the connection fails. */
function post(path: string, body: AsyncIterable<Buffer>, headers: Record<string, string>, length?: number): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(new URL(path, server!.origin), {
			method: 'POST',
			headers: { origin: server!.origin, cookie, ...(length === undefined ? {} : { 'content-length': String(length) }), ...headers }
		});
		req.on('response', (res) => {
			let text = '';
			res.on('data', (c) => (text += c));
			res.on('end', () => {
				resolve({ status: res.statusCode!, text });
				// the answer is in: send no more of the body, and let no later request reuse this socket mid-body
				req.destroy();
			});
		});
		req.on('error', reject);
		(async () => {
			for await (const chunk of body) {
				if (req.destroyed) return;
				if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
			}
			req.end();
		})().catch(() => undefined); // the answer (or the connection's error) settles the promise
	});
}

test('four 200 MB posts to /login are refused with 413 at once, and the server does not grow', async () => {
	const before = memory(server!);
	for (let i = 0; i < 4; i++) {
		const answer = await post('/login', bytes(200 * MB, 'name=admin&password='), { 'content-type': 'application/x-www-form-urlencoded' }, 200 * MB);
		expect(answer.status).toBe(413);
		expect(answer.text).toMatch(/larger than the 512 KB this server accepts \(BODY_SIZE_LIMIT\)/);
	}
	// a body of unknown length (chunked) is refused too: no route but the upload takes one
	const chunked = await post('/login', bytes(5 * MB, 'name=admin&password='), { 'content-type': 'application/x-www-form-urlencoded' });
	expect(chunked.status).toBe(411);
	await new Promise((r) => setTimeout(r, 1000));
	const after = memory(server!);
	console.log(`server memory: ${before.rss.toFixed(0)} MB before, ${after.rss.toFixed(0)} MB after (peak ${after.peak.toFixed(0)} MB)`);
	expect(after.peak - before.peak).toBeLessThan(50);
	// an ordinary sign-in still works
	expect(await signIn(server!.origin)).not.toBe('');
});

test('a refused upload larger than one chunk gets its 415 or 413 answer, not a reset', async () => {
	const csv = { 'content-type': 'text/csv', 'x-file-name': 'register.csv', accept: 'application/json' };
	// a PDF sent as register.csv (sniffed from its first bytes), 15 MB, with and without a length
	for (const length of [15 * MB, undefined]) {
		const answer = await post('/api/imports', bytes(15 * MB, '%PDF-1.7\n'), csv, length);
		expect(answer.status, answer.text).toBe(415);
		expect(JSON.parse(answer.text).message).toMatch(/^register\.csv looks like a PDF document/);
	}
	// past ATTENDANCE_MAX_UPLOAD_MB (20): from its Content-Length at once, or counted while streaming
	for (const length of [60 * MB, undefined]) {
		const answer = await post('/api/imports', bytes(60 * MB, 'UPN,Date,Session,Mark\n'), csv, length);
		expect(answer.status, answer.text).toBe(413);
		expect(JSON.parse(answer.text).message).toMatch(/^register\.csv( \(60\.0 MB\))? is larger than the 20\.0 MB this server accepts/);
	}
	// the server still answers on the same footing
	expect((await fetch(`${server!.origin}/api/summary/codes`, { headers: { cookie } })).status).toBe(200);
});

test('in Chromium, an upload refused part-way shows the server’s message (XMLHttpRequest, as the upload form sends)', async ({ page, context }) => {
	const [name, value] = cookie.split('=');
	await context.addCookies([{ name, value, url: server!.origin }]);
	await page.goto(`${server!.origin}/imports`);
	const answer = await page.evaluate(
		() =>
			new Promise<{ status: number; text: string }>((resolve) => {
				const xhr = new XMLHttpRequest();
				xhr.open('POST', '/api/imports');
				xhr.setRequestHeader('content-type', 'text/csv');
				xhr.setRequestHeader('x-file-name', 'register.csv');
				xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
				xhr.onerror = () => resolve({ status: xhr.status, text: 'the connection failed' });
				xhr.send(new Blob([new TextEncoder().encode('%PDF-1.7\n'), new Uint8Array(15 * 1024 * 1024)]));
			})
	);
	expect(answer.status, answer.text).toBe(415);
	expect(JSON.parse(answer.text).message).toMatch(/^register\.csv looks like a PDF document/);
});

test('a file no export looks like is refused within seconds over HTTP while reads go on, the server staying small', async () => {
	const reads: number[] = [];
	let reading = true;
	const reader = (async () => {
		while (reading) reads.push((await fetch(`${server!.origin}/api/summary/codes`, { headers: { cookie } })).status);
	})();
	// a million columns on one line (2 MB)
	let started = Date.now();
	const columns = await upload(server!.origin, cookie, 'columns.csv', bytes(2 * MB, 'UPN,Date,Session,Mark,', 'a,'), { 'x-school': school });
	const columnsSeconds = (Date.now() - started) / 1000;
	expect(columns.status, columns.text).toBe(422);
	expect(JSON.parse(columns.text).problems).toEqual([{ line: 1, pupil: null, reason: expect.stringMatching(/^the first line \(the header\) is longer than 256 KB/) }]);
	expect(columnsSeconds).toBeLessThan(5);
	// a register whose second line is 19 MB long (just under this server's 20 MB)
	started = Date.now();
	const long = await upload(server!.origin, cookie, 'long.csv', bytes(19 * MB, 'UPN,Date,Session,Mark\nA873402110012,', 'x'), { 'x-school': school });
	const longSeconds = (Date.now() - started) / 1000;
	expect(long.status, long.text).toBe(422);
	expect(JSON.parse(long.text).problems[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/^this line is longer than 2 MB/) });
	expect(longSeconds).toBeLessThan(5);
	reading = false;
	await reader;
	expect(reads.length).toBeGreaterThan(0);
	expect(reads.every((s) => s === 200)).toBe(true);
	const { peak } = memory(server!);
	console.log(`over HTTP: a million columns refused in ${columnsSeconds.toFixed(2)} s, a 19 MB line in ${longSeconds.toFixed(2)} s; ${reads.length} reads meanwhile; server peak ${peak.toFixed(0)} MB`);
	expect(peak).toBeLessThan(1024);
});

test('an upload abandoned while its file imports is cancelled: the next import goes ahead at once, and nothing of it lands', async () => {
	const big = join(dirname(db), 'abandoned.csv');
	await writeBigRegister(big, 600_000); // 18 MB: under this server's 20 MB, a few seconds to import
	const own = (d: string) => d.startsWith(`lens-upload-${server!.process.pid}-`);
	// 1. the whole file sent, then the client goes away a moment into its import
	let leftAt = 0;
	const abandoned = await new Promise<string>((resolve) => {
		const req = httpRequest(new URL('/api/imports', server!.origin), {
			method: 'POST',
			headers: { origin: server!.origin, cookie, 'content-type': 'text/csv', 'x-file-name': 'abandoned.csv', 'x-school': school }
		});
		req.on('response', (res) => resolve(`answered ${res.statusCode}`));
		req.on('error', () => resolve('gone'));
		createReadStream(big)
			.on('end', () =>
				setTimeout(() => {
					leftAt = Date.now();
					req.destroy();
				}, 300)
			)
			.pipe(req);
	});
	expect(abandoned, 'the import finished before the client left').toBe('gone');
	// 2. its import stops: the temp file goes within a second or two, not after the whole import
	while (readdirSync(tmpdir()).some(own)) {
		expect(Date.now() - leftAt, 'the abandoned import is still running').toBeLessThan(2000);
		await new Promise((r) => setTimeout(r, 50));
	}
	const stoppedAfter = (Date.now() - leftAt) / 1000;
	// 3. the next import is not queued behind it
	const started = Date.now();
	const next = await upload(server!.origin, cookie, 'autumn.csv', createReadStream('tests/fixtures/samples/register-long-2024-25-autumn.csv') as AsyncIterable<Buffer>, { 'x-school': school });
	expect(next.status, next.text).toBe(200);
	expect(Date.now() - started).toBeLessThan(5000);
	const added = JSON.parse(next.text).added as number;
	// 4. the warehouse holds the demo's marks and the next import's, none of the abandoned file's
	const demo = demoCopy('lens-e2e-limits-before-');
	const before = await probe(demo);
	rmSync(dirname(demo), { recursive: true, force: true });
	await killServer(server!);
	server = undefined;
	const after = await probe(db);
	expect(after.marks).toBe(before.marks + added);
	expect(after.tables).toEqual(before.tables);
	console.log(`abandoned upload: its import stopped ${stoppedAfter.toFixed(2)} s after the client left`);
});
