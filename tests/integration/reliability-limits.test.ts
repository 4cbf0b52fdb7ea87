// Imports that would pin the server: a file no export looks like (a million columns on one line, a
// gigabyte-long line) is refused within seconds, naming file and line, without the process growing past
// 1 GB, while another import and the dashboard's reads carry on; an import that runs past its time limit,
// or whose caller gives up (an abandoned upload: its request's signal aborts), is stopped where it is,
// DuckDB's statements interrupted, and rolls back whole; one given up while queued never starts.
// The pathological files are generated here, streamed to temp files, and removed afterwards.
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN } from '../helpers/api';
import { fingerprint, freshWarehouse, rows, SAMPLES } from '../helpers/warehouse';
import { writeBigRegister } from './reliability-register';
import { importFile, ImportCancelled, ImportRejected } from '../../src/lib/server/ingest';
import { LIMITS } from '../../src/lib/server/ingest/preflight';
import type { Warehouse } from '../../src/lib/server/warehouse';

const SCHOOL = 140512;
const GB = 1024 ** 3;
const SAMPLE = join(SAMPLES, 'register-long-2023-24.csv');
const AUTUMN = join(SAMPLES, 'register-long-2024-25-autumn.csv');

let dir: string;
let big: string; // 2.5 million marks: several seconds to import
let warehouse: Warehouse; // the app's (the upload handler's)
let POST: typeof import('../../src/routes/api/imports/+server').POST;
let summary: typeof import('../../src/routes/api/summary/[dataset]/+server').GET;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'lens-limits-'));
	process.env.ATTENDANCE_DB = join(dir, 'app.duckdb');
	({ POST } = await import('../../src/routes/api/imports/+server'));
	({ GET: summary } = await import('../../src/routes/api/summary/[dataset]/+server'));
	warehouse = await (await import('../../src/lib/server/warehouse/shared')).appWarehouse();
	await importFile(warehouse, SAMPLE, { school: SCHOOL });
	big = join(dir, 'big-register.csv');
	await writeBigRegister(big, 2_500_000);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The databases an import attached to stage a register in, still attached (none once it has ended, however). */
const stages = (w: Warehouse) => rows(w, "SELECT database_name FROM duckdb_databases() WHERE database_name LIKE 'import_stage%'");

/** Samples the process's resident memory every 50 ms until stopped: the largest seen, in bytes. */
function watchMemory(): () => number {
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
	return () => {
		clearInterval(timer);
		return Math.max(peak, process.memoryUsage().rss);
	};
}

/** Writes `bytes` of `line` (repeated, no line end) after `head` to a new file, streamed. */
async function longLine(name: string, head: string, bytes: number): Promise<string> {
	const path = join(dir, name);
	const out = createWriteStream(path);
	out.write(head);
	const chunk = Buffer.alloc(1 << 20, 'x,');
	for (let written = 0; written < bytes; written += chunk.length)
		if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
	await new Promise<void>((r) => out.end(() => r()));
	return path;
}

/** The dashboard's reads, through the summary endpoint's handler, until `until` settles: how many answered. */
async function readWhile(until: Promise<unknown>): Promise<number> {
	let settled = false;
	until.then(
		() => (settled = true),
		() => (settled = true)
	);
	let answered = 0;
	do {
		const url = new URL('http://localhost/api/summary/codes');
		const response = await summary({ url, params: { dataset: 'codes' }, request: new Request(url), locals: { user: TEST_ADMIN } } as never);
		expect(response.status).toBe(200);
		await response.arrayBuffer();
		answered++;
	} while (!settled);
	return answered;
}

/**
 * Imports `path` into a fresh warehouse beside another import and the reads: its rejection (or what
 * it resolved to), the seconds it took, the other import's result and the process's peak memory.
 */
async function importBeside(w: Warehouse, path: string) {
	const peak = watchMemory();
	const started = Date.now();
	const pathological = importFile(w, path, { name: 'odd.csv', timeoutSeconds: 600 }).then(
		(r) => r as unknown,
		(e: unknown) => e
	);
	const seconds = pathological.then(() => (Date.now() - started) / 1000);
	const other = importFile(w, AUTUMN, { school: SCHOOL });
	const reads = readWhile(Promise.all([pathological, other]));
	return { error: await pathological, seconds: await seconds, other: await other, reads: await reads, peak: peak() };
}

describe('a file no export looks like is refused within seconds, while another import and reads carry on', () => {
	it('a million columns on one line (no line end): refused at line 1 from its first chunk', async () => {
		const w = await freshWarehouse();
		const path = await longLine('columns.csv', 'UPN,Date,Session,Mark,', 2_000_000); // a million "x," cells
		const { error, seconds, other, reads, peak } = await importBeside(w, path);
		expect(error).toBeInstanceOf(ImportRejected);
		expect((error as ImportRejected).message).toMatch(/^odd\.csv was rejected/);
		expect((error as ImportRejected).problems).toEqual([{ line: 1, reason: expect.stringMatching(/^the first line \(the header\) is longer than 256 KB/) }]);
		expect(seconds).toBeLessThan(5);
		expect(other).toMatchObject({ status: 'loaded' });
		expect(reads).toBeGreaterThan(0);
		expect(peak).toBeLessThan(GB);
		console.log(`a million columns: refused in ${seconds.toFixed(2)} s; peak RSS ${Math.round(peak / 1e6)} MB`);
	});

	it('a header of more columns than any export (3,000, 20 KB): refused at line 1, naming the count', async () => {
		const w = await freshWarehouse();
		const path = await longLine('wide.csv', `UPN,${Array.from({ length: 2_999 }, (_, i) => `c${i}`).join(',')}\n`, 0);
		const error = (await importFile(w, path).catch((e) => e)) as ImportRejected;
		expect(error).toBeInstanceOf(ImportRejected);
		expect(error.problems).toEqual([{ line: 1, reason: `the header has 3,000 columns; the most an export has is ${LIMITS.headerColumns.toLocaleString('en-GB')} (a wide register has one per school day)` }]);
	});

	it('a 1 GB file of one line: refused at line 1; a register whose second line is 1 GB long: refused at line 2', async () => {
		for (const [name, head, line] of [
			['one-line.csv', '', 1],
			['long-row.csv', 'UPN,Date,Session,Mark\nA873402110012,', 2]
		] as const) {
			const w = await freshWarehouse();
			const path = await longLine(name, head, GB);
			const { error, seconds, other, reads, peak } = await importBeside(w, path);
			expect(error, name).toBeInstanceOf(ImportRejected);
			expect((error as ImportRejected).problems[0].line, name).toBe(line);
			expect((error as ImportRejected).problems[0].reason, name).toMatch(/is longer than (256 KB|2 MB)/);
			expect(seconds, name).toBeLessThan(5);
			expect(other, name).toMatchObject({ status: 'loaded' });
			expect(reads, name).toBeGreaterThan(0);
			expect(peak, name).toBeLessThan(GB);
			expect(await stages(w)).toEqual([]);
			console.log(`${name} (1 GB): refused in ${seconds.toFixed(2)} s; peak RSS ${Math.round(peak / 1e6)} MB`);
			rmSync(path);
		}
	});
});

describe('an import stopped part-way rolls back whole and frees the queue', () => {
	it('past its time limit: rejected naming ATTENDANCE_IMPORT_TIMEOUT_S within seconds, the warehouse unchanged', async () => {
		const w = await freshWarehouse();
		await importFile(w, SAMPLE, { school: SCHOOL });
		const before = await fingerprint(w);
		const started = Date.now();
		const error = (await importFile(w, big, { school: SCHOOL, timeoutSeconds: 1 }).catch((e) => e)) as ImportRejected;
		const seconds = (Date.now() - started) / 1000;
		expect(error).toBeInstanceOf(ImportRejected);
		expect(error.message).toMatch(/big-register\.csv: importing it took longer than the 1 s allowed \(ATTENDANCE_IMPORT_TIMEOUT_S\)/);
		expect(seconds).toBeLessThan(4);
		expect(await fingerprint(w)).toEqual(before);
		expect(await stages(w)).toEqual([]);
		// the next import goes ahead at once
		expect(await importFile(w, AUTUMN, { school: SCHOOL })).toMatchObject({ status: 'loaded' });
		console.log(`time limit 1 s: stopped after ${seconds.toFixed(2)} s`);
	});

	for (const stage of ['checking', 'merging'] as const) {
		it(`given up by its caller while ${stage}: ImportCancelled within a second, nothing imported`, async () => {
			const w = await freshWarehouse();
			await importFile(w, SAMPLE, { school: SCHOOL });
			const before = await fingerprint(w);
			const caller = new AbortController();
			let abortedAt = 0;
			const onProgress = (s: string) => {
				if (s === stage && !abortedAt) setTimeout(() => ((abortedAt = Date.now()), caller.abort()), 300);
			};
			const error = await importFile(w, big, { school: SCHOOL, signal: caller.signal, onProgress }).catch((e) => e);
			const seconds = (Date.now() - abortedAt) / 1000;
			expect(abortedAt, `the import finished before it was given up`).toBeGreaterThan(0);
			expect(error).toBeInstanceOf(ImportCancelled);
			expect(seconds).toBeLessThan(1.5);
			expect(await fingerprint(w)).toEqual(before);
			expect(await stages(w)).toEqual([]);
			expect(await importFile(w, AUTUMN, { school: SCHOOL })).toMatchObject({ status: 'loaded' });
			console.log(`given up while ${stage}: stopped ${seconds.toFixed(2)} s later`);
		});
	}

	it('given up while queued behind another import: leaves the queue at once and never runs', async () => {
		const w = await freshWarehouse();
		await importFile(w, SAMPLE, { school: SCHOOL });
		const first = importFile(w, big, { school: SCHOOL });
		const caller = new AbortController();
		const queued = importFile(w, AUTUMN, { school: SCHOOL, signal: caller.signal }).catch((e) => e);
		await new Promise((r) => setTimeout(r, 200));
		const abortedAt = Date.now();
		caller.abort();
		expect(await queued).toBeInstanceOf(ImportCancelled);
		expect(Date.now() - abortedAt).toBeLessThan(100);
		expect(await first).toMatchObject({ status: 'loaded', added: 2_500_000 });
		// the autumn file was never imported: importing it now adds its marks (not "identical")
		const autumn = await importFile(w, AUTUMN, { school: SCHOOL });
		expect(autumn.status).toBe('loaded');
		expect(autumn.added).toBeGreaterThan(0);
	});
});

describe('POST /api/imports: an upload stopped part-way changes nothing', () => {
	const uploadDirs = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`lens-upload-${process.pid}-`));

	/** The upload of `bytes` as `name`, in 1 MB chunks; `onSent` once the whole body is read. */
	function uploadRequest(bytes: Buffer, name: string, signal?: AbortSignal, onSent?: () => void): Request {
		let at = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (at >= bytes.length) {
					controller.close();
					onSent?.();
					return;
				}
				controller.enqueue(new Uint8Array(bytes.subarray(at, at + (1 << 20))));
				at += 1 << 20;
			}
		});
		return new Request('http://localhost/api/imports', {
			method: 'POST',
			body,
			signal,
			headers: { 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(name), 'x-school': String(SCHOOL) },
			duplex: 'half'
		} as RequestInit);
	}

	it('the client goes away while its file is importing (request.signal aborts): 499, nothing imported, the temp file gone', async () => {
		const before = await fingerprint(warehouse);
		const client = new AbortController();
		let abortedAt = 0;
		// the whole file sent, the client leaves a second into the import (2.5 million marks: several seconds)
		const request = uploadRequest(readFileSync(big), 'abandoned.csv', client.signal, () =>
			setTimeout(() => ((abortedAt = Date.now()), client.abort()), 1000)
		);
		const response = await POST({ request, url: new URL(request.url), params: {} } as never);
		const seconds = (Date.now() - abortedAt) / 1000;
		expect(abortedAt, 'the import finished before the client left').toBeGreaterThan(0);
		expect(response.status).toBe(499);
		expect((await response.json()).message).toMatch(/^abandoned\.csv was not imported: the import was cancelled/);
		expect(seconds).toBeLessThan(1.5);
		expect(await fingerprint(warehouse)).toEqual(before);
		expect(await stages(warehouse)).toEqual([]);
		expect(uploadDirs()).toEqual([]);
		console.log(`abandoned upload: stopped ${seconds.toFixed(2)} s after the client left`);
	});

	it('an import past ATTENDANCE_IMPORT_TIMEOUT_S: 422 naming the limit, nothing imported', async () => {
		const before = await fingerprint(warehouse);
		process.env.ATTENDANCE_IMPORT_TIMEOUT_S = '1';
		try {
			const request = uploadRequest(readFileSync(big), 'slow.csv');
			const response = await POST({ request, url: new URL(request.url), params: {} } as never);
			expect(response.status).toBe(422);
			const body = await response.json();
			expect(body).toMatchObject({ file: 'slow.csv', totalProblems: 1 });
			expect(body.problems[0].reason).toMatch(/^importing it took longer than the 1 s allowed \(ATTENDANCE_IMPORT_TIMEOUT_S\)/);
		} finally {
			delete process.env.ATTENDANCE_IMPORT_TIMEOUT_S;
		}
		expect(await fingerprint(warehouse)).toEqual(before);
		expect(uploadDirs()).toEqual([]);
	});
});
