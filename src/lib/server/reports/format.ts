import type { Row } from '../warehouse';

function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV with a header (numbers at full precision, booleans as true/false, nulls empty). */
export function toCsv(rows: Row[], columns = rows.length ? Object.keys(rows[0]) : []): string {
	const lines = [columns.join(',')];
	for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
	return lines.join('\n') + '\n';
}
