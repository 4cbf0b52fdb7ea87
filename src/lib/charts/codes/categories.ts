import type { DataRow } from '$lib/arrow-client';
import { count } from '$lib/catalog/format';
import { CATEGORIES } from '../categories';

export { CATEGORIES, CATEGORY_LABELS, categoryColour, categoryLabel } from '../categories';

/** A meaning cut to `max` characters (the full text stays in tooltips and tables). */
export function shortMeaning(meaning: unknown, max = 38): string {
	const text = String(meaning ?? '');
	return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The national code table's order (the attendance_code ENUM of sql/schema/001_codes.sql). */
const NATIONAL_ORDER = ['/', '\\', 'L', 'K', 'V', 'P', 'W', 'B', 'J', 'D', 'C1', 'M', 'J1', 'S', 'X', 'C2', 'C', 'T', 'R', 'I', 'E', 'H', 'F', 'Q',
	'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Y', 'G', 'N', 'O', 'U', 'Z', '#'];
const rank = (code: string) => (NATIONAL_ORDER.includes(code) ? NATIONAL_ORDER.indexOf(code) : NATIONAL_ORDER.length);

/** The codes of the rows in category order, then in the national code table's order. */
export function codeOrder(rows: DataRow[]): string[] {
	const seen = new Map<string, number>();
	for (const r of rows) if (!seen.has(r.code as string)) seen.set(r.code as string, CATEGORIES.indexOf(r.category as string));
	return [...seen.entries()].sort((a, b) => a[1] - b[1] || rank(a[0]) - rank(b[0])).map(([code]) => code);
}

export const sessions = (n: unknown) => `${count(n as number)} session${n === 1 ? '' : 's'}`;
