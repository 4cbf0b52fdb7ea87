import { tableFromIPC } from 'apache-arrow';
import type { SessionUser } from '../../src/lib/server/auth/roles';

/** The signed-in user of a direct handler call unless a test passes another: an admin (every school). */
export const TEST_ADMIN: SessionUser = { id: 0, name: 'test-admin', role: 'admin', schools: null, pupilAccess: true };

/** A signed-in user of a role, for tests of what each role may see. */
export const testUser = (role: SessionUser['role'], schools: number[] | null = null, pupilAccess = false): SessionUser => ({
	id: 0,
	name: `test-${role}`,
	role,
	schools,
	pupilAccess
});

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
	params: Record<string, string> = {},
	user: SessionUser | null = TEST_ADMIN
): Promise<ArrowRows> {
	const url = new URL(path, 'http://localhost');
	const response = await handler({ url, params, request: new Request(url), locals: { user } });
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
export async function statusOf(handler: Handler, path: string, params: Record<string, string> = {}, user: SessionUser | null = TEST_ADMIN) {
	const url = new URL(path, 'http://localhost');
	try {
		return (await handler({ url, params, request: new Request(url), locals: { user } })).status;
	} catch (e) {
		return (e as { status?: number }).status ?? 500;
	}
}
