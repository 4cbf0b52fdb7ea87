import { tableFromIPC } from 'apache-arrow';

/** Any SvelteKit GET handler (typed loosely: tests call it with a hand-made event). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (event: any) => Response | Promise<Response>;

export type ArrowRows = { columns: string[]; contentType: string | null; rows: Record<string, unknown>[] };

/**
 * Calls a +server.ts GET handler as SvelteKit would for `path?query` and decodes its Arrow IPC answer.
 * The handler reads the warehouse named by ATTENDANCE_DB: set it before importing the route module.
 */
export async function callArrow(
	handler: Handler,
	path: string,
	params: Record<string, string> = {}
): Promise<ArrowRows> {
	const url = new URL(path, 'http://localhost');
	const response = await handler({ url, params, request: new Request(url) });
	expectOk(response);
	const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
	const columns = table.schema.fields.map((f) => f.name);
	const rows = table.toArray().map((r) => {
		const row: Record<string, unknown> = {};
		for (const c of columns) {
			const v = r[c];
			row[c] = typeof v === 'number' && Number.isNaN(v) ? null : v;
		}
		return row;
	});
	return { columns, contentType: response.headers.get('content-type'), rows };
}

function expectOk(response: Response) {
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

/** The status an endpoint answers with (SvelteKit's error() throws an HttpError carrying it). */
export async function statusOf(handler: Handler, path: string, params: Record<string, string> = {}) {
	const url = new URL(path, 'http://localhost');
	try {
		return (await handler({ url, params, request: new Request(url) })).status;
	} catch (e) {
		return (e as { status?: number }).status ?? 500;
	}
}
