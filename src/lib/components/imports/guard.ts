// What an upload must be before the importer sees it: from this site (CSRF), not too large, and a text
// export rather than a workbook, PDF, archive or other binary file. Pure functions: the imports
// endpoint uses them on the server, and the upload form can use them to warn before sending.

/**
 * True when the browser's own headers say the request came from this site's pages: Sec-Fetch-Site
 * same-origin (or none: typed by the user), and an Origin equal to the server's. A client that sends
 * neither (curl, a script) is not a browser a forged page can drive, and is let through.
 */
export function sameOrigin(headers: Headers, origin: string): boolean {
	const site = headers.get('sec-fetch-site');
	if (site !== null && site !== 'same-origin' && site !== 'none') return false;
	const from = headers.get('origin');
	return from === null || from === origin;
}

/** "1.5 GB", "24.0 MB", "900 KB" (the imports endpoint's messages; catalog/format's fileSize). */
export { fileSize as sizeText } from '../../catalog/format';

const EXPORT_AS_CSV = 'export it from the MIS (or save it) as CSV UTF-8, or as a CTF (XML), and upload that';

/** Content types that are certainly not an export we read; the message continues "<file name> …". */
export function refusedContentType(contentType: string | null): string | null {
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded')
		return 'was sent as a form: send the file itself as the body of the request';
	if (type.includes('spreadsheetml') || type.includes('opendocument.spreadsheet'))
		return `looks like an Excel workbook: ${EXPORT_AS_CSV}`;
	if (type === 'application/pdf') return `looks like a PDF document: ${EXPORT_AS_CSV}`;
	if (type === 'application/zip' || type === 'application/x-zip-compressed' || type === 'application/gzip')
		return `looks like a compressed archive: unzip it and upload the CSV or XML file inside`;
	if (/^(image|audio|video)\//.test(type)) return `looks like ${type.split('/')[0] === 'image' ? 'an image' : 'a media file'}: ${EXPORT_AS_CSV}`;
	return null;
}

const starts = (head: Uint8Array, ...bytes: number[]) => bytes.every((b, i) => head[i] === b);
const has = (head: Uint8Array, text: string) => new TextDecoder('latin1').decode(head).includes(text);

/**
 * What the first bytes of an upload say it is, when not a text export (the message continues
 * "<file name> …"); null for text. `complete` says `head` holds all the bytes that will be sniffed.
 * UTF-16 text is let through: the importer names it and says how to save it as UTF-8.
 */
export function notATextExport(head: Uint8Array, complete: boolean): string | null {
	if (head.length < 4 && !complete) return null;
	if (starts(head, 0x50, 0x4b, 0x03, 0x04) || starts(head, 0x50, 0x4b, 0x05, 0x06)) {
		if (has(head, 'xl/') || has(head, 'spreadsheet')) return `looks like an Excel workbook (.xlsx): ${EXPORT_AS_CSV}`;
		if (has(head, 'word/')) return `looks like a Word document: ${EXPORT_AS_CSV}`;
		if (has(head, '[Content_Types].xml') && !complete) return null; // an Office file: wait for its part names
		return `looks like a ZIP archive: unzip it and upload the CSV or XML file inside`;
	}
	if (starts(head, 0xd0, 0xcf, 0x11, 0xe0)) return `looks like an old-style Excel workbook (.xls) or other Office file: ${EXPORT_AS_CSV}`;
	if (starts(head, 0x25, 0x50, 0x44, 0x46)) return `looks like a PDF document: ${EXPORT_AS_CSV}`;
	if (starts(head, 0x1f, 0x8b)) return 'looks like a gzip-compressed file: decompress it and upload the CSV or XML file inside';
	if (starts(head, 0x89, 0x50, 0x4e, 0x47) || starts(head, 0xff, 0xd8, 0xff) || starts(head, 0x47, 0x49, 0x46, 0x38))
		return `looks like an image: ${EXPORT_AS_CSV}`;
	if (starts(head, 0x52, 0x61, 0x72, 0x21) || starts(head, 0x37, 0x7a, 0xbc, 0xaf))
		return 'looks like a compressed archive: unpack it and upload the CSV or XML file inside';
	if (starts(head, 0xff, 0xfe) || starts(head, 0xfe, 0xff)) return null; // UTF-16 with a byte-order mark
	// binary: control characters that text never holds; NULs only as UTF-16's every other byte
	let controls = 0;
	const nulAt = [0, 0];
	for (let i = 0; i < head.length; i++) {
		const b = head[i];
		if (b === 0) nulAt[i % 2]++;
		else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
	}
	const utf16 = (nulAt[0] === 0) !== (nulAt[1] === 0);
	if (controls * 100 > head.length || (nulAt[0] + nulAt[1] > 0 && !utf16)) return `is not a text file (it holds binary data): ${EXPORT_AS_CSV}`;
	return null;
}
