import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { Columns, Row } from './warehouse';

export const ARROW_TYPE = 'application/vnd.apache.arrow.stream';

type ArrowValues = Float64Array | (string | null)[] | (boolean | null)[];

/** One column's values for Arrow: numbers as Float64, booleans as Bool, everything else as text. */
function arrowColumn(values: ArrayLike<unknown>): ArrowValues {
	const list = Array.from(values);
	const kind = list.find((v) => v !== null && v !== undefined);
	if (typeof kind === 'number') return Float64Array.from(list, (v) => (typeof v === 'number' ? v : NaN));
	if (typeof kind === 'boolean') return list.map((v) => (v === null || v === undefined ? null : Boolean(v)));
	return list.map((v) => (v === null || v === undefined ? null : String(v)));
}

/**
 * Rows as an Arrow IPC stream: numbers as Float64, booleans as Bool, everything else as text (dates
 * travel as 'YYYY-MM-DD'). `columns` fixes the columns and their order, even when there are no rows.
 */
export function rowsToArrow(rows: Row[], columns: string[] = rows.length ? Object.keys(rows[0]) : []): Uint8Array {
	const arrays: Record<string, ArrowValues> = {};
	for (const column of columns) arrays[column] = arrowColumn(rows.map((r) => r[column]));
	return tableToIPC(tableFromArrays(arrays), 'stream');
}

/** A query's columns (Warehouse.queryColumns) as the same Arrow stream rowsToArrow makes of its rows. */
export function columnsToArrow({ names, columns }: Columns, wanted: string[] = names): Uint8Array {
	const index = new Map(names.map((name, i) => [name, i]));
	const count = columns[0]?.length ?? 0;
	const arrays: Record<string, ArrowValues> = {};
	for (const column of wanted) {
		const i = index.get(column);
		arrays[column] = arrowColumn(i === undefined ? new Array(count).fill(null) : columns[i]);
	}
	return tableToIPC(tableFromArrays(arrays), 'stream');
}
