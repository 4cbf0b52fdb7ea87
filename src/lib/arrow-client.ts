import { tableFromIPC } from 'apache-arrow';

export type DataRow = Record<string, string | number | boolean | null>;

/** Fetches an Arrow IPC dataset and returns plain rows (NaN numbers become null). */
export async function fetchRows(url: string, fetcher: typeof fetch = fetch): Promise<DataRow[]> {
	const response = await fetcher(url);
	if (!response.ok) throw new Error(`${response.status} ${(await response.text()).slice(0, 200)}`);
	const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
	const names = table.schema.fields.map((f) => f.name);
	const columns = names.map((n) => table.getChild(n)!);
	const rows: DataRow[] = [];
	for (let i = 0; i < table.numRows; i++) {
		const row: DataRow = {};
		names.forEach((n, c) => {
			const v = columns[c].get(i);
			row[n] = typeof v === 'number' && Number.isNaN(v) ? null : (v as DataRow[string]);
		});
		rows.push(row);
	}
	return rows;
}
