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

/**
 * Limits on a file's shape, checked as it is read, so that a file no export looks like is refused
 * within its first chunks instead of pinning a core and gigabytes of memory in DuckDB's reader
 * (a one-line CSV of a million columns took 17 minutes and 2.5 GB):
 * - a CSV header of at most 2,000 columns (a wide register has one per school day: a year is about 195;
 *   2,000 is five years of every calendar day) and 256 KB;
 * - any other CSV line of at most 2 MB (DuckDB's CSV reader refuses longer lines anyway);
 * - an XML (CTF) line of at most 64 MB (a CTF may come on one line: a large school's is a few MB).
 */
export const LIMITS = { headerColumns: 2_000, headerBytes: 256_000, lineBytes: 2_000_000, xmlLineBytes: 64_000_000 };

/**
 * Reads the file once, streaming: its SHA-256; that it is UTF-8 (else rejects naming the line); its
 * lines; and, for a CSV, that every record has as many fields as the header and every quote closes.
 * Rejects an empty file. Lines are read in place in each decoded chunk (no string per line): this pass
 * reads every byte of the largest registers.
 */
export async function preflight(
	path: string,
	name = basename(path),
	progress?: Progress,
	/** Told the first line as soon as it is read (the import can start on the file meanwhile). */
	onFirstLine?: (firstLine: string) => void,
	/** Aborted: the pass stops at its next chunk, throwing the signal's reason. */
	signal?: AbortSignal
): Promise<TextFile> {
	const bytes = statSync(path).size;
	if (bytes === 0) reject(name, 'the file is empty (0 bytes)');
	const hash = createHash('sha256');
	const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
	const problems: Problem[] = [];
	let problemCount = 0;
	const anchors: [number, number][] = [];
	let line = 0; // lines read so far
	let firstLine: string | undefined;
	let seen = 0;
	// the last line holding text (or part of a record), kept as where it is until the end
	let last: { text: string; start: number; end: number } | undefined;
	// CSV records: the header's delimiter and field count (delimiter 0: not a CSV)
	let delimiter = 0;
	let expected = 0;
	// the record being read: its fields so far, whether a quoted field is open, where it started
	let inRecord = false;
	let inQuotes = false;
	let fields = 0;
	let recordStart = 0;
	let rows = 0;
	// the last anchor: data row `anchorRow` starts on line `anchorLine` (row 0 on line 1: the header)
	let anchorRow = 0;
	let anchorLine = 1;
	let crlf: boolean | undefined; // the first line's end: CRLF (true) or LF
	let mixedAt: number | undefined; // the first line ending otherwise

	/** Counts the delimiters outside quotes in text[start, end), carrying the open-quote state. */
	const scan = (text: string, start: number, end: number) => {
		for (let i = start; i < end; i++) {
			const c = text.charCodeAt(i);
			if (c === 34) inQuotes = !inQuotes;
			else if (c === delimiter && !inQuotes) fields++;
		}
	};

	/** Rejects the line being read (line + 1) if `length` characters (at least as many bytes) are too many. */
	const checkLength = (length: number, head: string) => {
		if (firstLine === undefined && !/^\uFEFF?\s*</.test(head.slice(0, 64))) {
			if (length > LIMITS.headerBytes)
				reject(name, `the first line (the header) is longer than ${kb(LIMITS.headerBytes)}: a CSV export's header names its columns in a few KB; is this a CSV export, with line ends?`, 1);
		} else if (delimiter !== 0) {
			if (length > LIMITS.lineBytes)
				reject(name, `this line is longer than ${kb(LIMITS.lineBytes)}, more than any export's record: is this a CSV export, with line ends?`, line + 1);
		} else if (length > LIMITS.xmlLineBytes) reject(name, `this line is longer than ${kb(LIMITS.xmlLineBytes)}, more than a whole CTF holds`, line + 1);
	};

	/** Reads the line text[start, end) (`end` at its \n, or at the end of a last line without one). */
	const readLine = (text: string, start: number, end: number, ended: boolean) => {
		checkLength(end - start, firstLine === undefined ? text.slice(start, start + 64) : '');
		line++;
		const cr = end > start && text.charCodeAt(end - 1) === 13;
		const contentEnd = cr ? end - 1 : end;
		if (firstLine === undefined) {
			firstLine = text.slice(start, contentEnd).replace(/^\uFEFF/, '');
			if (!/^\s*</.test(firstLine)) {
				delimiter = delimiterOf(firstLine).charCodeAt(0);
				fields = 1;
				scan(firstLine, 0, firstLine.length);
				expected = fields;
				inQuotes = false;
				if (expected > LIMITS.headerColumns)
					reject(name, `the header has ${expected.toLocaleString('en-GB')} columns; the most an export has is ${LIMITS.headerColumns.toLocaleString('en-GB')} (a wide register has one per school day)`, 1);
			}
			onFirstLine?.(firstLine);
		} else if (!inRecord && isBlank(text, start, contentEnd)) {
			// DuckDB's reader skips blank lines too
		} else {
			last = { text, start, end: contentEnd };
			if (delimiter !== 0) {
				if (!inRecord) {
					rows++;
					if (anchorLine + (rows - anchorRow) !== line) (anchorRow = rows), (anchorLine = line), anchors.push([rows, line]);
					inRecord = true;
					inQuotes = false;
					fields = 1;
					recordStart = line;
				}
				scan(text, start, contentEnd);
				if (!inQuotes) {
					if (fields !== expected && ++problemCount <= MAX_PROBLEMS)
						problems.push({ line: recordStart, reason: fieldCountReason(fields, expected, !ended) });
					inRecord = false;
				}
			}
		}
		// DuckDB's CSV reader fails on a file whose records end both in CRLF and in LF: note the first
		// line that differs (a line break inside a quoted field does not count)
		if (ended && !inRecord) {
			crlf ??= cr;
			if (cr !== crlf) mixedAt ??= line;
		}
	};

	let pending = ''; // the start of a line the last chunk ended in
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 18 }) as AsyncIterable<Buffer>) {
		signal?.throwIfAborted();
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
		let nl = text.indexOf('\n');
		if (pending !== '' && nl !== -1) {
			const joined = pending + text.slice(0, nl);
			readLine(joined, 0, joined.length, true);
			pending = '';
			start = nl + 1;
			nl = text.indexOf('\n', start);
		}
		for (; nl !== -1; nl = text.indexOf('\n', start)) {
			readLine(text, start, nl, true);
			start = nl + 1;
		}
		pending += text.slice(start);
		if (pending.length > LIMITS.headerBytes) checkLength(pending.length, pending.slice(0, 64)); // a line not ended yet
		seen += chunk.length;
		progress?.(seen / bytes);
	}
	try {
		decoder.decode();
	} catch {
		reject(name, 'the file ends in the middle of a character: it is truncated or not UTF-8', line + 1);
	}
	const endsWithNewline = pending === '';
	if (!endsWithNewline) readLine(pending, 0, pending.length, false);
	if (firstLine === undefined || firstLine.trim() === '') reject(name, 'the file holds no text (its first line is empty)', 1);
	if (inRecord && inQuotes && ++problemCount <= MAX_PROBLEMS)
		problems.push({
			line: recordStart,
			reason: !endsWithNewline
				? 'the file ends inside a quoted field that starts on this line: it looks truncated'
				: 'a quoted field that starts on this line is never closed (a missing ")'
		});
	if (delimiter !== 0 && mixedAt !== undefined && ++problemCount <= MAX_PROBLEMS)
		problems.push({
			line: mixedAt,
			reason: `this line ends with a ${crlf ? 'Unix line end (LF)' : 'Windows line end (CRLF)'} but the lines before it with ${crlf ? 'Windows line ends (CRLF)' : 'Unix line ends (LF)'}: the file mixes the two (pasted together?); save it again as CSV UTF-8`
		});
	if (problems.length) throw new ImportRejected(name, problems, problemCount);
	const lastLine = last ? last.text.slice(last.start, last.end) : '';
	return { path, name, bytes, sha256: hash.digest('hex'), lines: line, firstLine, lastLine, endsWithNewline, anchors };
}

function kb(bytes: number): string {
	return bytes >= 1e6 ? `${Math.round(bytes / 1e6)} MB` : `${Math.round(bytes / 1000)} KB`;
}

/** Whether text[start, end) is empty or only whitespace (as String.trim sees it). */
function isBlank(text: string, start: number, end: number): boolean {
	if (start === end) return true;
	const c = text.charCodeAt(start);
	if (c > 32 && c < 127) return false; // the usual case: a line starting with printable ASCII
	return text.slice(start, end).trim() === '';
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
