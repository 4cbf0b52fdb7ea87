// Uploads (POST /api/imports): refused from another site (CSRF), past the size limit, and when they are
// a workbook, PDF, archive or binary, each with a message naming the file; the temp file is removed
// after every outcome (success, rejection, refusal, client abort), and a refused upload changes nothing.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fingerprint, freshWarehouse, SAMPLES } from '../helpers/warehouse';
import type { Warehouse } from '../../src/lib/server/warehouse';

let POST: typeof import('../../src/routes/api/imports/+server').POST;
let warehouse: Warehouse;
const ORIGIN = 'http://localhost';

/** A browser-like upload: the bytes as the body in chunks; `abortAfter` bytes, then the stream fails. */
function request(bytes: Buffer, headers: Record<string, string>, abortAfter?: number): Request {
	let at = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (abortAfter !== undefined && at >= abortAfter) return controller.error(new Error('the client went away'));
			if (at >= bytes.length) return controller.close();
			controller.enqueue(new Uint8Array(bytes.subarray(at, at + 4096)));
			at += 4096;
		}
	});
	return new Request(`${ORIGIN}/api/imports`, {
		method: 'POST',
		body,
		headers: { 'content-type': 'application/octet-stream', ...headers },
		duplex: 'half'
	} as RequestInit);
}

/** Status and message (or body) of an upload, as the endpoint answers it or throws it (error()). */
async function send(bytes: Buffer, name: string, headers: Record<string, string> = {}, abortAfter?: number) {
	const req = request(bytes, { 'x-file-name': encodeURIComponent(name), ...headers }, abortAfter);
	try {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const response = await POST({ request: req, url: new URL(req.url), params: {} } as any);
		return { status: response.status, body: await response.json() };
	} catch (e) {
		const err = e as { status?: number; body?: { message: string } };
		if (!err.status) throw e;
		return { status: err.status, body: err.body! };
	}
}

const uploadDirs = () => readdirSync(tmpdir()).filter((f) => f.startsWith('lens-upload-')).sort();
const register = readFileSync(join(SAMPLES, 'register-long-2023-24.csv'));
let dirsBefore: string[];

beforeAll(async () => {
	warehouse = await freshWarehouse();
	process.env.ATTENDANCE_DB = warehouse.path;
	({ POST } = await import('../../src/routes/api/imports/+server'));
});

afterEach(() => {
	delete process.env.ATTENDANCE_MAX_UPLOAD_MB;
	// every outcome leaves no temp file behind
	expect(uploadDirs()).toEqual(dirsBefore);
});

describe('POST /api/imports refuses what it should, naming the file, and changes nothing', () => {
	beforeAll(async () => {
		// the first upload of a process clears dead servers' leftovers: count the folders after it
		expect((await send(Buffer.from('%PDF-1.4\n'), 'first.pdf')).status).toBe(415);
		dirsBefore = uploadDirs();
	});

	it('refuses a cross-origin POST (CSRF) with 403 and imports nothing', async () => {
		const print = await fingerprint(warehouse);
		const forged = await send(register, 'register.csv', { origin: 'https://evil.example', 'x-school': '140512' });
		expect(forged.status).toBe(403);
		const crossSite = await send(register, 'register.csv', { 'sec-fetch-site': 'cross-site', 'x-school': '140512' });
		expect(crossSite.status).toBe(403);
		const sameSite = await send(register, 'register.csv', { 'sec-fetch-site': 'same-site', origin: 'http://other.localhost', 'x-school': '140512' });
		expect(sameSite.status).toBe(403);
		expect(await fingerprint(warehouse)).toEqual(print);
	});

	it('accepts the same upload from its own origin (a browser on the Imports page)', async () => {
		const ok = await send(register, 'register.csv', { origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'x-school': '140512' });
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ status: 'loaded', added: 5080 });
	});

	it('refuses a file past ATTENDANCE_MAX_UPLOAD_MB from its Content-Length, before reading it', async () => {
		process.env.ATTENDANCE_MAX_UPLOAD_MB = '0.05'; // 52 KB; the register is 150 KB
		const print = await fingerprint(warehouse);
		const { status, body } = await send(register, 'big-register.csv', { 'content-length': String(register.length) });
		expect(status).toBe(413);
		expect(body.message).toMatch(/^big-register\.csv \(\d+ KB\) is larger than the 52 KB this server accepts/);
		expect(body.message).toMatch(/ATTENDANCE_MAX_UPLOAD_MB/);
		expect(await fingerprint(warehouse)).toEqual(print);
	});

	it('refuses a file past the limit while streaming when no length was given, and removes what it wrote', async () => {
		process.env.ATTENDANCE_MAX_UPLOAD_MB = '0.05';
		const print = await fingerprint(warehouse);
		const { status, body } = await send(register, 'streamed.csv');
		expect(status).toBe(413);
		expect(body.message).toMatch(/^streamed\.csv is larger than the 52 KB this server accepts/);
		expect(await fingerprint(warehouse)).toEqual(print);
	});

	it('refuses an Excel workbook, naming the file and saying to export it as CSV', async () => {
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Register').addRows([['UPN', 'Date', 'Session', 'Mark'], ['A873402110012', '2023-09-04', 'AM', '/']]);
		const xlsx = Buffer.from(await book.xlsx.writeBuffer());
		const print = await fingerprint(warehouse);
		const { status, body } = await send(xlsx, 'Register Autumn.csv');
		expect(status).toBe(415);
		expect(body.message).toMatch(/^Register Autumn\.csv looks like an Excel workbook \(\.xlsx\): export it .* as CSV/);
		// the browser's own label for a workbook is refused before any byte is read
		const labelled = await send(xlsx, 'Register.xlsx', { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
		expect(labelled.status).toBe(415);
		expect(labelled.body.message).toMatch(/^Register\.xlsx looks like an Excel workbook/);
		expect(await fingerprint(warehouse)).toEqual(print);
	});

	it('refuses a PDF, a ZIP archive, an old .xls and a binary file, each with its own message', async () => {
		const cases: [Buffer, RegExp][] = [
			[Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), /^r\.csv looks like a PDF document/],
			[Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]), Buffer.from('register.csv'), Buffer.alloc(200, 7)]), /^r\.csv looks like a ZIP archive: unzip it/],
			[Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]), /^r\.csv looks like an old-style Excel workbook \(\.xls\)/],
			[Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)), /^r\.csv is not a text file \(it holds binary data\)/]
		];
		for (const [bytes, message] of cases) {
			const { status, body } = await send(bytes, 'r.csv');
			expect(status).toBe(415);
			expect(body.message).toMatch(message);
		}
	});

	it('lets UTF-16 text through to the importer, which says how to save it as UTF-8', async () => {
		const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('UPN,Date,Session,Mark\r\nA873402110012,2023-09-04,AM,/\r\n', 'utf16le')]);
		const { status, body } = await send(utf16, 'unicode.csv');
		expect(status).toBe(422);
		expect(body.message).toMatch(/unicode\.csv.*UTF-16.*UTF-8/s);
	});

	it('removes the temp file when the client aborts part-way, and imports nothing', async () => {
		const print = await fingerprint(warehouse);
		const { status, body } = await send(register, 'aborted.csv', { 'x-school': '140512' }, 40_000);
		expect(status).toBe(400);
		expect(body.message).toMatch(/^aborted\.csv did not arrive whole/);
		expect(await fingerprint(warehouse)).toEqual(print);
	});

	it('removes the temp file after a rejected file too', async () => {
		const bad = readFileSync(join(__dirname, '..', 'fixtures', 'bad', 'long-unknown-code.csv'));
		const { status } = await send(bad, 'bad.csv', { 'x-school': '140512' });
		expect(status).toBe(422);
	});
});
