import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { Row } from './warehouse';

export const ARROW_TYPE = 'application/vnd.apache.arrow.stream';

/**
 * Rows as an Arrow IPC stream: numbers as Float64, booleans as Bool, everything else as text (dates
 * travel as 'YYYY-MM-DD'). `columns` fixes the columns and their order, even when there are no rows.
 */
export function rowsToArrow(rows: Row[], columns: string[] = rows.length ? Object.keys(rows[0]) : []): Uint8Array {
	const arrays: Record<string, Float64Array | (string | null)[] | (boolean | null)[]> = {};
	for (const column of columns) {
		const values = rows.map((r) => r[column]);
		const kind = values.find((v) => v !== null && v !== undefined);
		if (typeof kind === 'number') arrays[column] = Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN));
		else if (typeof kind === 'boolean') arrays[column] = values.map((v) => (v === null || v === undefined ? null : Boolean(v)));
		else arrays[column] = values.map((v) => (v === null || v === undefined ? null : String(v)));
	}
	return tableToIPC(tableFromArrays(arrays), 'stream');
}
