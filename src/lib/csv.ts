// CSV for every download and export (browser and server): RFC 4180 quoting, and cells that a
// spreadsheet would run as a formula (= + - @, tab, CR at the start) prefixed with ' to neutralise them.

const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that is just a number (-3, +1.5, -2e3): a spreadsheet reads it as that number, so it is left as it is. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** One CSV field: empty for null, numbers as they are, text quoted where needed and made formula-safe. */
export function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	let text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
	if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV with a header line; `columns` are the keys in order, `labels` their header text. */
export function toCsv(rows: Record<string, unknown>[], columns: string[] = rows.length ? Object.keys(rows[0]) : [], labels: string[] = columns): string {
	const lines = [labels.map(csvField).join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
	return lines.join('\n') + '\n';
}
