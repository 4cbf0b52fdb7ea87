import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { delimiterOf } from './csv';
import { ImportRejected, reject, type Problem } from './problems';

/** What a first pass over a text file learns before DuckDB reads it. */
export interface TextFile {
	path: string;
	/** The name used in messages (the uploaded name, or the path's base name). */
	name: string;
	bytes: number;
	sha256: string;
	/** Lines holding text (the last line counts whether or not it ends in a newline). */
	lines: number;
	firstLine: string;
	lastLine: string;
	endsWithNewline: boolean;
	/**
	 * Where data rows stop being one line each after the header: [row, line] pairs, each saying that
	 * data row `row` (1-based) starts on file line `line`, after a blank line or a quoted line break.
	 */
	anchors: [number, number][];
}

export type Progress = (fraction: number) => void;

const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];
const NOT_UTF8 =
	'the file is not UTF-8 (it looks like Windows-1252 / ANSI); save it as UTF-8 (CSV UTF-8) and import it again';
const MAX_PROBLEMS = 30;

/** Counts a CSV line's delimiters outside quotes, carrying the open-quote state across lines. */
class RecordCounter {
	fields = 1;
	inQuotes = false;
	constructor(private readonly delimiter: number) {}

	feed(line: string): void {
		if (!this.inQuotes && line.indexOf('"') === -1) {
			for (let i = line.indexOf(String.fromCharCode(this.delimiter)); i !== -1; i = line.indexOf(String.fromCharCode(this.delimiter), i + 1))
				this.fields++;
			return;
		}
		for (let i = 0; i < line.length; i++) {
			const c = line.charCodeAt(i);
			if (c === 34) this.inQuotes = !this.inQuotes;
			else if (c === this.delimiter && !this.inQuotes) this.fields++;
		}
	}
}

/**
 * Reads the file once, streaming: its SHA-256; that it is UTF-8 (else rejects naming the line); its
 * lines; and, for a CSV, that every record has as many fields as the header and every quote closes.
 * Rejects an empty file.
 */
export async function preflight(path: string, name = basename(path), progress?: Progress): Promise<TextFile> {
	const bytes = statSync(path).size;
	if (bytes === 0) reject(name, 'the file is empty (0 bytes)');
	const hash = createHash('sha256');
	const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
	const problems: Problem[] = [];
	let problemCount = 0;
	const anchors: [number, number][] = [];
	let line = 0; // lines ended so far
	let current = ''; // the line being read
	let firstLine: string | undefined;
	let lastLine = '';
	let seen = 0;
	// CSV records: the header's field count, the record being read and where it started
	let csv: { delimiter: number; expected: number } | undefined;
	let record: RecordCounter | undefined;
	let recordStart = 0;
	let rows = 0;
	let atEnd = false; // reading a last line that has no line end
	let crlf: boolean | undefined; // the first line's end: CRLF (true) or LF
	let mixedAt: number | undefined; // the first line ending otherwise

	const endLine = (text: string) => {
		readLine(text);
		// DuckDB's CSV reader fails on a file whose records end both in CRLF and in LF: note the first
		// line that differs (a line break inside a quoted field does not count)
		if (!atEnd && !record?.inQuotes) {
			crlf ??= text.endsWith('\r');
			if (text.endsWith('\r') !== crlf) mixedAt ??= line;
		}
	};
	const readLine = (text: string) => {
		line++;
		const content = text.endsWith('\r') ? text.slice(0, -1) : text;
		if (firstLine === undefined) {
			firstLine = content.replace(/^\uFEFF/, '');
			if (!/^\s*</.test(firstLine)) {
				const delimiter = delimiterOf(firstLine).charCodeAt(0);
				const header = new RecordCounter(delimiter);
				header.feed(firstLine);
				csv = { delimiter, expected: header.fields };
			}
			return;
		}
		if (content.trim() === '' && !record) return; // DuckDB's reader skips blank lines too
		lastLine = content;
		if (!csv) return;
		if (!record) {
			record = new RecordCounter(csv.delimiter);
			recordStart = line;
			rows++;
			if (lineOfRow({ anchors }, rows) !== line) anchors.push([rows, line]);
		} else record.feed('\n');
		record.feed(content);
		if (record.inQuotes) return;
		if (record.fields !== csv.expected && ++problemCount <= MAX_PROBLEMS)
			problems.push({ line: recordStart, reason: fieldCountReason(record.fields, csv.expected, atEnd) });
		record = undefined;
	};

	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		if (seen === 0) {
			if (UTF16_BOMS.some((bom) => chunk.subarray(0, 2).equals(bom)) || chunk.subarray(0, 64).includes(0))
				reject(name, 'the file is UTF-16 encoded (or binary); save it as UTF-8 (CSV UTF-8) and import it again', 1);
		}
		let text: string;
		try {
			text = decoder.decode(chunk, { stream: true });
		} catch {
			reject(name, NOT_UTF8, firstBadLine(chunk, line + 1));
		}
		let start = 0;
		for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
			endLine(current + text.slice(start, nl));
			current = '';
			start = nl + 1;
		}
		current += text.slice(start);
		seen += chunk.length;
		progress?.(seen / bytes);
	}
	try {
		decoder.decode();
	} catch {
		reject(name, 'the file ends in the middle of a character: it is truncated or not UTF-8', line + 1);
	}
	const endsWithNewline = current === '';
	atEnd = !endsWithNewline;
	if (!endsWithNewline) endLine(current);
	if (firstLine === undefined || firstLine.trim() === '') reject(name, 'the file holds no text (its first line is empty)', 1);
	if (record?.inQuotes && ++problemCount <= MAX_PROBLEMS)
		problems.push({
			line: recordStart,
			reason: atEnd
				? 'the file ends inside a quoted field that starts on this line: it looks truncated'
				: 'a quoted field that starts on this line is never closed (a missing ")'
		});
	if (csv && mixedAt !== undefined && ++problemCount <= MAX_PROBLEMS)
		problems.push({
			line: mixedAt,
			reason: `this line ends with a ${crlf ? 'Unix line end (LF)' : 'Windows line end (CRLF)'} but the lines before it with ${crlf ? 'Windows line ends (CRLF)' : 'Unix line ends (LF)'}: the file mixes the two (pasted together?); save it again as CSV UTF-8`
		});
	if (problems.length) throw new ImportRejected(name, problems, problemCount);
	return { path, name, bytes, sha256: hash.digest('hex'), lines: line, firstLine, lastLine, endsWithNewline, anchors };
}

function fieldCountReason(found: number, expected: number, lastLineWithoutEnd: boolean): string {
	if (lastLineWithoutEnd && found < expected)
		return `the file ends part-way through this line (${found} of ${expected} fields, no line end): it looks truncated`;
	const hint = found > expected ? ': is there an unquoted comma or a trailing comma?' : '';
	return `expected ${expected} fields (as in the header), found ${found}${hint}`;
}

/** The line number of the first line in `chunk` that is not UTF-8, counting from `line`. */
function firstBadLine(chunk: Buffer, line: number): number {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let lineStart = 0;
	for (let i = 0; i <= chunk.length; i++) {
		if (i === chunk.length || chunk[i] === 0x0a) {
			try {
				decoder.decode(chunk.subarray(lineStart, i));
			} catch {
				return line;
			}
			line++;
			lineStart = i + 1;
		}
	}
	return line;
}

/** The file line (1-based) where data row `row` (1-based, after the header) starts. */
export function lineOfRow(file: Pick<TextFile, 'anchors'>, row: number): number {
	let line = row + 1;
	for (const [anchorRow, anchorLine] of file.anchors) {
		if (anchorRow > row) break;
		line = anchorLine + (row - anchorRow);
	}
	return line;
}
