/** Splits one CSV line into fields (RFC 4180 quoting). */
export function splitCsvLine(line: string, delimiter = ','): string[] {
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === delimiter) fields.push(field), (field = '');
		else field += ch;
	}
	fields.push(field);
	return fields;
}

/** The delimiter of a header line: a comma unless the line has tabs and no commas. */
export function delimiterOf(headerLine: string): ',' | '\t' {
	return headerLine.includes('\t') && !headerLine.includes(',') ? '\t' : ',';
}

/** A header cell reduced for matching: "Pupil UPN" → "pupilupn", "AM/PM" → "ampm". */
export function headerKey(cell: string): string {
	return cell.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A header: its cells and, for each field we know, the 1-based position of the cell naming it. */
export class CsvHeader {
	readonly keys: string[];
	constructor(
		readonly cells: string[],
		readonly delimiter: ',' | '\t'
	) {
		this.keys = cells.map(headerKey);
	}

	static parse(line: string): CsvHeader {
		const delimiter = delimiterOf(line);
		return new CsvHeader(splitCsvLine(line, delimiter), delimiter);
	}

	/** The position (1-based) of the first cell matching one of `aliases`, or 0. */
	find(aliases: readonly string[]): number {
		for (const alias of aliases) {
			const i = this.keys.indexOf(alias);
			if (i !== -1) return i + 1;
		}
		return 0;
	}

	/** DuckDB's `columns` struct: every field as text, named c1..cN by position. */
	columnsStruct(): string {
		return `{${this.cells.map((_, i) => `'c${i + 1}': 'VARCHAR'`).join(', ')}}`;
	}

	delimiterLiteral(): string {
		return this.delimiter === '\t' ? "'\\t'" : "','";
	}
}

/** The column name (c1..cN) for a position found in the header, or NULL. */
export function column(position: number): string {
	return position > 0 ? `c${position}` : 'NULL';
}

/** Header aliases seen in MIS exports (SIMS, Arbor, Bromcom, iSAMS, Synergy), as header keys. */
export const ALIASES = {
	urn: ['urn', 'schoolurn', 'school'],
	upn: ['upn', 'pupilupn', 'uniquepupilnumber', 'studentupn'],
	date: ['date', 'sessiondate', 'attendancedate', 'markdate', 'registerdate'],
	session: ['session', 'ampm', 'sessionampm', 'amorpm', 'period'],
	mark: ['mark', 'code', 'attendancemark', 'attendancecode', 'markcode', 'sessionmark'],
	minutes: ['minuteslate', 'lateminutes', 'minslate', 'minutes'],
	reason: ['reason', 'amendmentreason', 'comment', 'comments', 'note', 'notes'],
	author: ['amendedby', 'author', 'changedby', 'enteredby', 'user', 'recordedby']
} as const;
