import { count as n } from '$lib/catalog/format';
import { notATextExport } from './guard';

/** What POST /api/imports answers (src/routes/api/imports/+server.ts). */
export interface ImportResult {
	file: string;
	kind: string;
	status: 'loaded' | 'identical';
	importId: number;
	rowsRead: number;
	added: number;
	amended: number;
	unchanged: number;
	unit: string;
	warnings: string[];
	message: string;
}

export interface Rejection {
	file: string;
	problems: { line: number | null; pupil: string | null; reason: string }[];
	totalProblems: number;
	message: string;
}

export type Outcome =
	| { kind: 'imported'; result: ImportResult }
	| { kind: 'rejected'; rejection: Rejection }
	| { kind: 'failed'; message: string };

export { kindLabel } from '$lib/import-kinds';

/** Short names of the kinds, for tables. */
export const KIND_SHORT: Record<string, string> = {
	'register-long': 'Register (rows)',
	'register-wide': 'Register (grid)',
	ctf: 'CTF',
	pupils: 'Pupils',
	interventions: 'Interventions',
	'term-dates': 'Term dates',
	schools: 'Schools'
};


/** "register.csv: 5,080 rows read, 5,080 marks added, 0 amended, 0 unchanged" or "… identical to import #3: nothing changed". */
export function resultLine(r: ImportResult): string {
	if (r.status === 'identical') return `${r.file}: identical to import #${r.importId}: nothing changed`;
	return `${r.file}: ${n(r.rowsRead)} rows read, ${n(r.added)} ${r.unit} added, ${n(r.amended)} amended, ${n(r.unchanged)} unchanged`;
}

/**
 * Sends a file as the body of POST /api/imports with XMLHttpRequest, which (unlike fetch) reports the
 * bytes sent: `onSent(fraction)` while uploading, `onSent(1)` once the server has it all and is importing.
 */
/** Why a chosen file is not worth sending (a workbook, PDF, archive, binary), from its first bytes. */
export async function checkBeforeUpload(file: File): Promise<string | null> {
	const head = new Uint8Array(await file.slice(0, 8192).arrayBuffer());
	const what = notATextExport(head, true);
	return what ? `${file.name} ${what}.` : null;
}

export function uploadFile(file: File, school: string | null, onSent: (fraction: number) => void): Promise<Outcome> {
	return new Promise((resolve) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', '/api/imports');
		// the browser's own label for the file (a workbook's is refused before it is sent in full)
		xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
		xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
		if (school) xhr.setRequestHeader('x-school', school);
		xhr.upload.onprogress = (e) => onSent(e.lengthComputable && e.total ? e.loaded / e.total : 0);
		xhr.upload.onload = () => onSent(1);
		xhr.onload = () => {
			let body: Record<string, unknown> | null = null;
			try {
				body = JSON.parse(xhr.responseText);
			} catch {
				body = null;
			}
			if (xhr.status === 200 && body) resolve({ kind: 'imported', result: body as unknown as ImportResult });
			else if (xhr.status === 422 && body) resolve({ kind: 'rejected', rejection: body as unknown as Rejection });
			else if (xhr.status === 413 && !body?.message)
				resolve({ kind: 'failed', message: `${file.name} is larger than this server accepts: serve the app with npm start (server.js), which lets uploads through.` });
			else resolve({ kind: 'failed', message: (body?.message as string) ?? `The server answered ${xhr.status} ${xhr.statusText}.` });
		};
		xhr.onerror = () => resolve({ kind: 'failed', message: 'The upload did not reach the server: check the connection and try again.' });
		xhr.send(file);
	});
}
