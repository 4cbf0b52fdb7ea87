import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshWarehouse, rows, SAMPLES } from '../helpers/warehouse';
import { callArrow, statusOf } from '../helpers/api';
import type { Warehouse } from '../../src/lib/server/warehouse';

const BAD = join(__dirname, '..', 'fixtures', 'bad');

let POST: typeof import('../../src/routes/api/imports/+server').POST;
let GET: typeof import('../../src/routes/api/imports/[dataset]/+server').GET;
let warehouse: Warehouse;

/** The request a browser sends: the file's bytes as the body, streamed in small chunks. */
function upload(bytes: Buffer, headers: Record<string, string>): Request {
	const chunk = 1000;
	let at = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (at >= bytes.length) return controller.close();
			controller.enqueue(new Uint8Array(bytes.subarray(at, at + chunk)));
			at += chunk;
		}
	});
	return new Request('http://localhost/api/imports', {
		method: 'POST',
		body,
		headers: { 'content-type': 'application/octet-stream', ...headers },
		duplex: 'half'
	} as RequestInit);
}

async function post(file: string, headers: Record<string, string> = {}) {
	const request = upload(readFileSync(file), { 'x-file-name': encodeURIComponent(file.split('/').pop()!), ...headers });
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const response = await POST({ request, url: new URL(request.url), params: {} } as any);
	return { status: response.status, body: await response.json() };
}

async function statusOfPost(headers: Record<string, string>, bytes = Buffer.from('UPN,Date,Session,Mark\n')) {
	try {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return (await POST({ request: upload(bytes, headers), url: new URL('http://localhost/api/imports'), params: {} } as any)).status;
	} catch (e) {
		return (e as { status?: number }).status ?? 500;
	}
}

const uploadDirs = () => readdirSync(tmpdir()).filter((f) => f.startsWith('lens-upload-'));

beforeAll(async () => {
	warehouse = await freshWarehouse();
	process.env.ATTENDANCE_DB = warehouse.path;
	({ POST } = await import('../../src/routes/api/imports/+server'));
	({ GET } = await import('../../src/routes/api/imports/[dataset]/+server'));
});

describe('POST /api/imports', () => {
	it('imports a streamed register for the chosen school with the CLI import code, keeping the file name', async () => {
		const before = uploadDirs();
		const { status, body } = await post(join(SAMPLES, 'register-long-2023-24.csv'), { 'x-school': '140512' });
		expect(status).toBe(200);
		// the sample has 5,080 rows, one mark each
		expect(body).toMatchObject({ file: 'register-long-2023-24.csv', kind: 'register-long', status: 'loaded', rowsRead: 5080, added: 5080, amended: 0, unchanged: 0, unit: 'marks' });
		const [marks] = await rows(warehouse, 'SELECT count(*) AS n, min(school_urn) AS lo, max(school_urn) AS hi FROM marks');
		expect(marks).toEqual({ n: 5080, lo: 140512, hi: 140512 });
		const [imported] = await rows(warehouse, `SELECT file_name, school_urn FROM imports WHERE import_id = ${body.importId}`);
		expect(imported).toEqual({ file_name: 'register-long-2023-24.csv', school_urn: 140512 });
		// the temp file is gone
		expect(uploadDirs()).toEqual(before);
	});

	it('says when a file is identical to an earlier import, and changes nothing', async () => {
		const first = await rows(warehouse, 'SELECT import_id FROM imports');
		const { status, body } = await post(join(SAMPLES, 'register-long-2023-24.csv'), { 'x-school': '140512' });
		expect(status).toBe(200);
		expect(body).toMatchObject({ status: 'identical', importId: first[0].import_id, added: 0 });
		expect(await rows(warehouse, 'SELECT import_id FROM imports')).toEqual(first);
	});

	it('takes every supported kind: the only school needs no x-school', async () => {
		const wide = await post(join(SAMPLES, 'register-wide-2024-25-autumn.csv'));
		expect(wide.body).toMatchObject({ kind: 'register-wide', status: 'loaded' });
		const long = await post(join(SAMPLES, 'register-long-2024-25-autumn.csv'));
		// the same autumn marks as the grid: all 2,100 rows already held
		expect(long.body).toMatchObject({ kind: 'register-long', rowsRead: 2100, added: 0, unchanged: 2100 });
		const amendments = await post(join(SAMPLES, 'register-amendments-2025-01.csv'));
		expect(amendments.body).toMatchObject({ rowsRead: 16, amended: 16 });
		// the registers made the pupils: their characteristics amend them
		expect((await post(join(SAMPLES, 'pupils.csv'))).body).toMatchObject({ kind: 'pupils', amended: 14 });
		const ctf = await post(join(SAMPLES, 'ctf-2023-24.xml'));
		expect(ctf.body).toMatchObject({ kind: 'ctf', status: 'loaded' });
	});

	it('answers 422 with every problem by line, pupil and reason, and imports nothing', async () => {
		const before = await rows(warehouse, 'SELECT count(*) AS n FROM marks');
		const dirs = uploadDirs();
		const { status, body } = await post(join(BAD, 'long-h-withdrawn.csv'), { 'x-school': '140512' });
		expect(status).toBe(422);
		expect(body.file).toBe('long-h-withdrawn.csv');
		expect(body.totalProblems).toBe(1);
		expect(body.problems).toEqual([{ line: 3, pupil: 'A873402111013', reason: expect.stringContaining('code H') }]);
		expect(body.message).toContain('nothing from it was imported');
		const three = await post(join(BAD, 'long-three-problems.csv'), { 'x-school': '140512' });
		expect(three.body.problems.map((p: { line: number }) => p.line)).toEqual([3, 5, 7]);
		const empty = await post(join(BAD, 'empty.csv'));
		expect(empty.status).toBe(422);
		expect(await rows(warehouse, 'SELECT count(*) AS n FROM marks')).toEqual(before);
		expect(uploadDirs()).toEqual(dirs);
	});

	it('needs the file name and a well-formed school', async () => {
		expect(await statusOfPost({})).toBe(400);
		expect(await statusOfPost({ 'x-file-name': '%E0%A4%A' })).toBe(400);
		expect(await statusOfPost({ 'x-file-name': 'a.csv', 'x-school': 'abc' })).toBe(400);
		expect(await statusOfPost({ 'x-file-name': 'a.csv', 'x-school': '1; DROP TABLE marks' })).toBe(400);
	});

	it('keeps only the last part of a name that looks like a path', async () => {
		const { uploadName } = await import('../../src/lib/server/ingest/upload');
		expect(uploadName(encodeURIComponent('..\\..\\C:\\secret\\register 2024.csv'))).toBe('register 2024.csv');
		expect(uploadName(encodeURIComponent('/etc/passwd'))).toBe('passwd');
		expect(uploadName(encodeURIComponent('tab\there\u0000.csv'))).toBe('tab here.csv');
		expect(uploadName(encodeURIComponent(`${'x'.repeat(300)}.csv`))).toHaveLength(200);
	});
});

describe('/api/imports/history', () => {
	it('lists the imports newest first with their counts, in Arrow IPC', async () => {
		const answer = await callArrow(GET, '/api/imports/history', { dataset: 'history' });
		expect(answer.contentType).toBe('application/vnd.apache.arrow.stream');
		const files = answer.rows.map((r) => [r.file_name, r.kind, r.rows_read, r.added, r.amended, r.unchanged]);
		// the CTF named the school (Sample Academy); six files landed (the identical one and the rejected ones left no row)
		expect(files).toEqual([
			['ctf-2023-24.xml', 'ctf', expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number)],
			['pupils.csv', 'pupils', 14, 0, 14, 0],
			['register-amendments-2025-01.csv', 'register-long', 16, 0, 16, 0],
			['register-long-2024-25-autumn.csv', 'register-long', 2100, 0, 0, 2100],
			['register-wide-2024-25-autumn.csv', 'register-wide', 14, 2100, 0, 0],
			['register-long-2023-24.csv', 'register-long', 5080, 5080, 0, 0]
		]);
		const ids = answer.rows.map((r) => r.import_id as number);
		expect([...ids].sort((a, b) => b - a)).toEqual(ids);
		expect(answer.rows.at(-1)).toMatchObject({ school_urn: 140512, school_name: 'Sample Academy', status: 'loaded' });
		expect(answer.rows[0].finished_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(await statusOf(GET, '/api/imports/nothing', { dataset: 'nothing' })).toBe(404);
	});
});
