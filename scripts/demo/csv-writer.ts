// A streaming CSV writer: lines are gathered into ~1MB chunks and written with backpressure, so
// register files of millions of rows never sit in memory.

import fs from 'node:fs';
import { once } from 'node:events';

const CHUNK_CHARS = 1 << 20;

/** Quotes a value only when it needs it (a comma, quote or line break). */
export function csvCell(value: string | number | null | undefined): string {
	const s = value == null ? '' : String(value);
	return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
	return values.map(csvCell).join(',') + '\n';
}

export class CsvStream {
	private chunk = '';
	private stream: fs.WriteStream;
	rows = 0;

	constructor(readonly path: string, header: string) {
		this.stream = fs.createWriteStream(path, { encoding: 'utf8' });
		this.chunk = header + '\n';
	}

	/** Adds a complete line (with its '\n'); call flushIfFull() now and then. */
	push(line: string): void {
		this.chunk += line;
		this.rows++;
	}

	async flushIfFull(): Promise<void> {
		if (this.chunk.length >= CHUNK_CHARS) await this.flush();
	}

	async flush(): Promise<void> {
		if (!this.chunk) return;
		const ok = this.stream.write(this.chunk);
		this.chunk = '';
		if (!ok) await once(this.stream, 'drain');
	}

	async close(): Promise<void> {
		await this.flush();
		this.stream.end();
		await once(this.stream, 'finish');
	}
}

/** Writes a small file in one go (schools, term dates, pupils, interventions). */
export async function writeCsv(
	path: string,
	header: string,
	rows: readonly (readonly (string | number | null | undefined)[])[]
): Promise<void> {
	const out = new CsvStream(path, header);
	for (const row of rows) {
		out.push(csvLine(row));
		await out.flushIfFull();
	}
	await out.close();
}
