// Upload of one export file of any supported kind: the request body is the file itself (not a form),
// streamed to a temp file and imported by the same code as the CLI's `import`.
//   POST /api/imports   x-file-name: <the file's name, URI-encoded>   [x-school: <URN>]
// 200 with the ImportResult; 422 with { file, problems: [{ line, pupil, reason }], totalProblems, message }
// when the file is rejected (nothing from it is imported), also when its import takes longer than
// ATTENDANCE_IMPORT_TIMEOUT_S (default 600); 400 on a bad header or a body that did not arrive whole;
// 403 from another site (CSRF); 413 when larger than ATTENDANCE_MAX_UPLOAD_MB (default 1024); 415 for a
// workbook, PDF, archive or other binary file. A refusal is answered at once and the rest of the body
// read and dropped (up to a bound), so that the client sees the answer rather than a reset connection.
// A client that goes away stops its import (499, to nobody): it rolls back whole.
// The temp file is removed whatever happens (after a SIGKILL, by the next server's first upload).
// Bodies of any size reach this route through server.js (npm start), which holds every other route to
// BODY_SIZE_LIMIT; a plain `node build` needs BODY_SIZE_LIMIT=Infinity for uploads past it.
import { error, json } from '@sveltejs/kit';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile, ImportCancelled, importTimeoutSeconds, isImportRejected } from '$lib/server/ingest';
import { uploadName, uploadSchool } from '$lib/server/ingest/upload';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { can } from '$lib/server/auth/roles';
import { notATextExport, refusedContentType, sameOrigin, sizeText } from '$lib/components/imports/guard';
import { guarded } from '$lib/server/respond';
import { auditRefusals } from '$lib/server/auth/audit-http';
import type { RequestEvent, RequestHandler } from './$types';

type Body = ReadableStreamDefaultReader<Uint8Array> | undefined;

/** The file an upload names (for the audit log: its refusals are audited as 'import refused'). */
function fileOf(event: { request: Request }): string {
	try {
		return uploadName(event.request.headers.get('x-file-name'));
	} catch {
		return '(no file name)';
	}
}

export const POST: RequestHandler = auditRefusals('import refused', fileOf, guarded(async (event) => {
	const body: Body = event.request.body?.getReader();
	try {
		return await upload(event, body);
	} catch (e) {
		// refused (perhaps before the whole body was read): answer now, and drop what the client still sends
		void discard(body);
		throw e;
	}
}));

async function upload({ request, url, locals, platform }: RequestEvent, body: Body): Promise<Response> {
	// imports are for admins (hooks.server.ts enforces it too; tests calling the handler bare pass no locals)
	if (locals && !can(locals.user, 'admin')) error(locals.user ? 403 : 401, locals.user ? 'Only an admin can import files.' : 'sign in first');
	// CSRF: the body is raw bytes (SvelteKit's form check does not cover it), so the browser's own
	// Origin / Sec-Fetch-Site headers must say this page sent it
	if (!sameOrigin(request.headers, url.origin)) error(403, 'Uploads are accepted only from this site’s own Imports page.');
	const name = uploadName(request.headers.get('x-file-name'));
	const school = uploadSchool(request.headers.get('x-school'));
	const limit = maxUploadBytes();
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit) error(413, tooLarge(name, limit, declared));
	const wrongType = refusedContentType(request.headers.get('content-type'));
	if (wrongType) error(415, `${name} ${wrongType}`);

	await sweepStaleUploads();
	const dir = await mkdtemp(join(tmpdir(), `lens-upload-${process.pid}-`));
	const gone = clientGone(request, platform);
	try {
		const path = join(dir, 'upload');
		await receive(body, path, name, limit);
		const warehouse = await appWarehouse();
		try {
			return json(await importFile(warehouse, path, { school, name, signal: gone.signal, timeoutSeconds: importTimeoutSeconds() }));
		} catch (e) {
			// nginx's "client closed request": nobody is there to read it
			if (e instanceof ImportCancelled) return json({ message: e.message }, { status: 499 });
			if (!isImportRejected(e)) throw e;
			return json(
				{
					file: e.file,
					problems: e.problems.map((p) => ({ line: p.line ?? null, pupil: p.pupil ?? null, reason: p.reason })),
					totalProblems: e.totalProblems,
					message: e.message
				},
				{ status: 422 }
			);
		}
	} finally {
		gone.done();
		await rm(dir, { recursive: true, force: true });
	}
}

/**
 * Aborts when the client goes away: `request.signal` while the body is arriving (SvelteKit aborts it
 * only then) or, once it has arrived, the connection closing before the answer (adapter-node's
 * `platform.req`).
 */
function clientGone(request: Request, platform: unknown): { signal: AbortSignal; done: () => void } {
	const controller = new AbortController();
	const abort = () => controller.abort();
	const socket = (platform as { req?: IncomingMessage } | undefined)?.req?.socket;
	if (request.signal.aborted || socket?.destroyed) abort();
	request.signal.addEventListener('abort', abort, { once: true });
	socket?.once('close', abort);
	return {
		signal: controller.signal,
		done: () => {
			request.signal.removeEventListener('abort', abort);
			socket?.off('close', abort);
		}
	};
}

/** How much of a refused upload's body is read and dropped: up to 1 GB, for up to 30 seconds (as server.js). */
const LINGER = { bytes: 1024 ** 3, ms: 30_000 };

/**
 * Reads and drops the rest of a refused upload's body while its answer goes out, so that the client
 * (a browser still sending) reads the answer instead of a connection reset by unread bytes; past
 * LINGER the connection is closed.
 */
async function discard(body: Body): Promise<void> {
	if (!body) return;
	const timer = setTimeout(() => void body.cancel().catch(() => undefined), LINGER.ms);
	try {
		for (let dropped = 0; dropped <= LINGER.bytes; ) {
			const { done, value } = await body.read();
			if (done) return;
			dropped += value.byteLength;
		}
		await body.cancel();
	} catch {
		// the client went away, or the time was up
	} finally {
		clearTimeout(timer);
	}
}

let swept: Promise<void> | undefined;

/**
 * Once per process: removes the temp folders of uploads whose server process is gone (killed in the
 * middle of an upload, it could not remove its own). Each folder is named after its process's id.
 */
function sweepStaleUploads(): Promise<void> {
	swept ??= (async () => {
		for (const entry of await readdir(tmpdir()).catch(() => [] as string[])) {
			const pid = Number(/^lens-upload-(\d+)-/.exec(entry)?.[1]);
			if (!pid || pid === process.pid || alive(pid)) continue;
			await rm(join(tmpdir(), entry), { recursive: true, force: true }).catch(() => undefined);
		}
	})();
	return swept;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** ATTENDANCE_MAX_UPLOAD_MB (default 1024): the largest upload accepted, in bytes. */
function maxUploadBytes(): number {
	const mb = Number(process.env.ATTENDANCE_MAX_UPLOAD_MB ?? 1024);
	return (Number.isFinite(mb) && mb > 0 ? mb : 1024) * 1024 * 1024;
}

function tooLarge(name: string, limit: number, size?: number): string {
	const actual = size ? ` (${sizeText(size)})` : '';
	return `${name}${actual} is larger than the ${sizeText(limit)} this server accepts: split it (a term at a time), or ask the administrator to raise ATTENDANCE_MAX_UPLOAD_MB`;
}

/**
 * Streams the body to `path`, counting bytes (413 past `limit`) and sniffing the first bytes (415 for
 * a workbook, PDF, archive or binary) before much is written. A refusal leaves the rest unread.
 */
async function receive(reader: Body, path: string, name: string, limit: number): Promise<void> {
	const out = createWriteStream(path);
	const closed = new Promise<void>((resolve, reject) => {
		out.on('close', resolve);
		out.on('error', reject);
	});
	let received = 0;
	let head = Buffer.alloc(0);
	let refusal: { status: 413 | 415; message: string } | undefined;
	try {
		for (;;) {
			let chunk: ReadableStreamReadResult<Uint8Array>;
			try {
				if (!reader) break;
				chunk = await reader.read();
			} catch (e) {
				const status = (e as { status?: number }).status;
				if (status === 413)
					refusal = { status: 413, message: `${name} is larger than this server's BODY_SIZE_LIMIT lets through: ask the administrator to serve the app with npm start (server.js), which lets uploads through up to ATTENDANCE_MAX_UPLOAD_MB` };
				else error(400, `${name} did not arrive whole: ${(e as Error).message}`);
				break;
			}
			if (chunk.done) break;
			received += chunk.value.byteLength;
			if (received > limit) {
				refusal = { status: 413, message: tooLarge(name, limit) };
				break;
			}
			if (head.length < 8192) {
				head = Buffer.concat([head, Buffer.from(chunk.value.subarray(0, 8192 - head.length))]);
				const what = notATextExport(head, head.length >= 8192);
				if (what) {
					refusal = { status: 415, message: `${name} ${what}` };
					break;
				}
			}
			await write(out, chunk.value);
		}
		if (!refusal && head.length > 0) {
			const what = notATextExport(head, true);
			if (what) refusal = { status: 415, message: `${name} ${what}` };
		}
	} finally {
		out.end();
		await closed;
	}
	if (refusal) error(refusal.status, refusal.message);
}

function write(out: WriteStream, bytes: Uint8Array): Promise<void> {
	return new Promise((resolve, reject) => {
		if (out.write(bytes)) return resolve();
		const done = (e?: Error) => {
			out.off('drain', done).off('error', done);
			if (e) reject(e);
			else resolve();
		};
		out.once('drain', done).once('error', done);
	});
}
