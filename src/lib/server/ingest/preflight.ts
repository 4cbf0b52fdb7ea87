import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { reject } from './problems';

/** What a first pass over a text file learns before DuckDB reads it. */
export interface TextFile {
	path: string;
	/** The name used in messages (the uploaded name, or the path's base name). */
	name: string;
	bytes: number;
	sha256: string;
	/** Lines holding text (the last line counts whether or not it ends in a newline). */
	lines: number;
	/** Line numbers (1-based) of empty lines, which DuckDB's CSV reader skips. */
	blankLines: number[];
	firstLine: string;
	lastLine: string;
	endsWithNewline: boolean;
	hasBom: boolean;
}

export type Progress = (fraction: number) => void;

const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

/**
 * Reads the file once, streaming: its SHA-256, that it is UTF-8 (else rejects naming the line), its
 * lines, blank lines, first and last line. Rejects an empty file.
 */
export async function preflight(path: string, name = basename(path), progress?: Progress): Promise<TextFile> {
	const bytes = statSync(path).size;
	if (bytes === 0) reject(name, 'the file is empty (0 bytes)');
	const hash = createHash('sha256');
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const blankLines: number[] = [];
	let line = 0; // lines ended so far
	let current = ''; // the line being read
	let firstLine: string | undefined;
	let lastLine = '';
	let hasBom = false;
	let seen = 0;
	const endLine = (text: string) => {
		line++;
		const content = text.endsWith('\r') ? text.slice(0, -1) : text;
		firstLine ??= content;
		if (content.trim() === '') blankLines.push(line);
		else lastLine = content;
	};
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		if (seen === 0) {
			if (UTF16_BOMS.some((bom) => chunk.subarray(0, 2).equals(bom)))
				reject(name, 'the file is UTF-16 encoded; save it as UTF-8 (CSV UTF-8) and import it again', 1);
			hasBom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
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
	if (!endsWithNewline) endLine(current);
	while (blankLines.length && blankLines[blankLines.length - 1] === line && line > 0) {
		blankLines.pop();
		line--;
	}
	if (firstLine !== undefined && hasBom) firstLine = firstLine.replace(/^\uFEFF/, '');
	if (line === 0 || firstLine === undefined || firstLine.trim() === '')
		reject(name, 'the file holds no text (only blank lines)', 1);
	return { path, name, bytes, sha256: hash.digest('hex'), lines: line, blankLines, firstLine, lastLine, endsWithNewline, hasBom };
}

const NOT_UTF8 =
	'the file is not UTF-8 (it looks like Windows-1252 / ANSI); save it as UTF-8 (CSV UTF-8) and import it again';

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

/**
 * The file line (1-based) of the n-th data row (1-based) that DuckDB's CSV reader returned, given the
 * header lines before the data and the blank lines it skipped.
 */
export function lineOfRow(file: TextFile, row: number, headerLines = 1): number {
	let line = row + headerLines;
	for (const blank of file.blankLines) if (blank <= line) line++;
	return line;
}
