// Upload of one export file of any supported kind: the request body is the file itself (not a form),
// streamed to a temp file and imported by the same code as the CLI's `import`.
//   POST /api/imports   x-file-name: <the file's name, URI-encoded>   [x-school: <URN>]
// 200 with the ImportResult; 422 with { file, problems: [{ line, pupil, reason }], totalProblems, message }
// when the file is rejected (nothing from it is imported); 400 on a bad header; 413 when the server's
// BODY_SIZE_LIMIT is smaller than the file.
import { error, json } from '@sveltejs/kit';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { importFile, isImportRejected } from '$lib/server/ingest';
import { uploadName, uploadSchool } from '$lib/server/datasets/imports';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request }) => {
	const name = uploadName(request.headers.get('x-file-name'));
	const school = uploadSchool(request.headers.get('x-school'));
	const dir = await mkdtemp(join(tmpdir(), 'lens-upload-'));
	try {
		const path = join(dir, 'upload');
		try {
			const body = request.body ? Readable.fromWeb(request.body as WebReadableStream<Uint8Array>) : Readable.from([]);
			await pipeline(body, createWriteStream(path));
		} catch (e) {
			const status = (e as { status?: number }).status;
			if (status === 413) error(413, `${name} is larger than the server accepts (set BODY_SIZE_LIMIT=Infinity when starting it)`);
			error(400, `${name} did not arrive whole: ${(e as Error).message}`);
		}
		const warehouse = await appWarehouse();
		try {
			return json(await importFile(warehouse, path, { school, name }));
		} catch (e) {
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
		await rm(dir, { recursive: true, force: true });
	}
};
