// Access control as the server applies it, called directly: the hooks' central checks (sign-in, route
// policy, school scope, pupil scope, audit of pupil data) and api.ts (pupil-level datasets, suppression).
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import type { Warehouse } from '../../src/lib/server/warehouse';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { addUser } from '../../src/lib/server/auth/users';
import { createSession } from '../../src/lib/server/auth/sessions';
import { freshWarehouse, rows, tempFile } from '../helpers/warehouse';
import { callArrow, statusOf, testUser } from '../helpers/api';
import { upn } from '../helpers/upn';

const NORTH = 100001;
const SOUTH = 100002;
const A = upn('873400126201'); // North
const B = upn('873400126202'); // South

let w: Warehouse;
let handle: typeof import('../../src/hooks.server').handle;
const tokens: Record<string, string> = {};

beforeAll(async () => {
	w = await freshWarehouse();
	await importFile(w, tempFile('schools.csv', `URN,Name,LA,Estab,Phase\n${NORTH},North School,873,4001,Secondary\n${SOUTH},South School,873,4002,Secondary\n`));
	await importFile(w, tempFile('pupils-n.csv', `UPN,Forename,Surname,Sex,YearGroup\n${A},Ada,Lovelace,F,7\n`), { school: NORTH });
	await importFile(w, tempFile('pupils-s.csv', `UPN,Forename,Surname,Sex,YearGroup\n${B},Ben,Stone,M,7\n`), { school: SOUTH });
	const week = ['2024-09-02', '2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06'];
	const marks = (u: string, code: string) => week.flatMap((d) => [`${u},${d},AM,${code}`, `${u},${d},PM,${code === '/' ? '\\' : code}`]);
	await importFile(w, tempFile('north.csv', ['UPN,Date,Session,Mark', ...marks(A, 'O')].join('\n') + '\n'), { school: NORTH });
	await importFile(w, tempFile('south.csv', ['UPN,Date,Session,Mark', ...marks(B, '/')].join('\n') + '\n'), { school: SOUTH });
	for (const [name, role, schools] of [
		['admin', 'admin', null],
		['slt', 'slt', [NORTH]],
		['governor', 'governor', [NORTH]],
		['trust', 'trust', null]
	] as const) {
		const user = await addUser(w, { name, role, schools: schools ? [...schools] : null, password: 'quiet harbour lights' });
		tokens[name] = (await createSession(w, user.id, null)).token;
	}
	await w.checkpoint();
	process.env.ATTENDANCE_DB = w.path;
	({ handle } = await import('../../src/hooks.server'));
});

interface Outcome {
	status: number;
	location?: string;
	/** The URL the route saw, when it was reached. */
	seen?: URL;
}

/** Runs the hook for one request as SvelteKit would; the "route" answers 200 and records the URL it saw. */
async function request(
	who: string | null,
	routeId: string | null,
	path: string,
	opts: { params?: Record<string, string>; method?: string; body?: unknown; dataRequest?: boolean } = {}
): Promise<Outcome> {
	const url = new URL(path, 'http://localhost');
	const method = opts.method ?? 'GET';
	const request = new Request(url, {
		method,
		headers: opts.body === undefined ? { accept: 'text/html' } : { 'content-type': 'application/json', 'content-length': String(JSON.stringify(opts.body).length) },
		body: opts.body === undefined ? undefined : JSON.stringify(opts.body)
	});
	const event = {
		url,
		request,
		route: { id: routeId },
		params: opts.params ?? {},
		locals: {} as { user: SessionUser | null },
		isDataRequest: !!opts.dataRequest,
		cookies: { get: (name: string) => (name === 'lens_session' && who ? tokens[who] : undefined) },
		getClientAddress: () => '192.0.2.7'
	};
	let seen: URL | undefined;
	try {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const response = await handle({ event: event as any, resolve: async (e) => ((seen = new URL(e.url)), new Response('ok')) });
		return { status: response.status, seen };
	} catch (e) {
		const thrown = e as { status?: number; location?: string };
		return { status: thrown.status ?? 500, location: thrown.location };
	}
}

describe('hooks: signing in and the route policy', () => {
	it('sends pages to /login and answers 401 for data when nobody is signed in', async () => {
		expect(await request(null, '/overview', '/overview?year=2024/25')).toEqual({ status: 303, location: '/login?next=%2Foverview%3Fyear%3D2024%2F25' });
		expect(await request(null, '/api/summary/[dataset]', '/api/summary/weekday')).toMatchObject({ status: 401 });
		expect(await request(null, '/overview', '/overview', { dataRequest: true })).toMatchObject({ status: 401 });
		expect(await request(null, '/login', '/login')).toMatchObject({ status: 200 });
		// a stale or made-up cookie is nobody
		tokens.forged = 'x'.repeat(43);
		expect(await request('forged', '/overview', '/overview')).toMatchObject({ status: 303 });
	});

	it('refuses a route missing from the policy table, whoever asks', async () => {
		expect(await request('admin', '/secret-new-route', '/secret-new-route')).toMatchObject({ status: 403 });
		expect(await request('admin', '/overview', '/overview')).toMatchObject({ status: 200 });
	});

	it('refuses what the role does not hold', async () => {
		expect(await request('governor', '/pupils/[upn]', `/pupils/${A}`, { params: { upn: A } })).toMatchObject({ status: 403 });
		expect(await request('governor', '/lists', '/lists')).toMatchObject({ status: 403 });
		expect(await request('governor', '/imports', '/imports')).toMatchObject({ status: 403 });
		expect(await request('slt', '/admin/users', '/admin/users')).toMatchObject({ status: 403 });
		expect(await request('trust', '/api/lists/[list]', '/api/lists/bands', { params: { list: 'bands' } })).toMatchObject({ status: 403 });
		expect(await request('governor', '/overview/target', '/overview/target', { method: 'POST', body: { school: String(NORTH), target: '95' } })).toMatchObject({ status: 403 });
		expect(await request('governor', '/overview', `/overview?school=${NORTH}`)).toMatchObject({ status: 200 });
	});
});

describe('hooks: school scope', () => {
	it("holds a one-school user to their school: another school's data is refused, no school means theirs", async () => {
		expect(await request('slt', '/api/summary/[dataset]', `/api/summary/weekday?school=${SOUTH}`)).toMatchObject({ status: 403 });
		expect(await request('governor', '/', `/?school=${SOUTH}`)).toMatchObject({ status: 403 });
		const api = await request('slt', '/api/lists/[list]', '/api/lists/bands', { params: { list: 'bands' } });
		expect(api.status).toBe(200);
		expect(api.seen!.searchParams.get('school')).toBe(String(NORTH));
		expect(await request('governor', '/overview', '/overview?year=2024/25')).toEqual({ status: 307, location: `/overview?year=2024%2F25&school=${NORTH}` });
		// trust and admin accounts may see the whole trust at once
		expect((await request('trust', '/api/summary/[dataset]', '/api/summary/weekday')).seen!.searchParams.has('school')).toBe(false);
		expect(await request('trust', '/api/summary/[dataset]', `/api/summary/weekday?school=${SOUTH}`)).toMatchObject({ status: 200 });
	});

	it("refuses a posted school outside the user's scope, or the whole trust", async () => {
		const post = (school: unknown) => request('slt', '/overview/target', '/overview/target', { method: 'POST', body: { school, target: '95' } });
		expect(await post(String(SOUTH))).toMatchObject({ status: 403 });
		expect(await post('')).toMatchObject({ status: 403 });
		expect(await post(null)).toMatchObject({ status: 403 });
		expect(await post(String(NORTH))).toMatchObject({ status: 200 });
	});

	it("refuses a pupil of another school, and audits who opened which pupil's page", async () => {
		expect(await request('slt', '/pupils/[upn]', `/pupils/${B}`, { params: { upn: B } })).toMatchObject({ status: 403 });
		expect(await request('slt', '/api/pupil/[upn]/[dataset]', `/api/pupil/${B}/marks?school=${NORTH}`, { params: { upn: B, dataset: 'marks' } })).toMatchObject({
			status: 403
		});
		expect(await request('slt', '/pupils/[upn]', `/pupils/${A}?school=${NORTH}`, { params: { upn: A } })).toMatchObject({ status: 200 });
		expect(await request('admin', '/pupils/[upn]', `/pupils/${B}`, { params: { upn: B } })).toMatchObject({ status: 200 });
		const log = await rows(w, "SELECT user_name, role, action, target, ip FROM audit_log WHERE action = 'open pupil page' ORDER BY audit_id");
		expect(log).toEqual([
			{ user_name: 'slt', role: 'slt', action: 'open pupil page', target: `${A} /pupils/${A}?school=${NORTH}`, ip: '192.0.2.7' },
			{ user_name: 'admin', role: 'admin', action: 'open pupil page', target: `${B} /pupils/${B}`, ip: '192.0.2.7' }
		]);
	});
});

describe('api.ts: pupil-level datasets, suppression, audit', () => {
	let PUPIL: typeof import('../../src/routes/api/pupil/[upn]/[dataset]/+server').GET;
	let COHORTS: typeof import('../../src/routes/api/cohorts/[dataset]/+server').GET;
	beforeAll(async () => {
		({ GET: PUPIL } = await import('../../src/routes/api/pupil/[upn]/[dataset]/+server'));
		({ GET: COHORTS } = await import('../../src/routes/api/cohorts/[dataset]/+server'));
	});

	it('refuses pupil-level datasets to governors and trust accounts without the grant', async () => {
		const path = `/api/pupil/${A}/marks?year=2024/25`;
		const params = { upn: A, dataset: 'marks' };
		expect(await statusOf(PUPIL, path, params, testUser('governor', [NORTH]))).toBe(403);
		expect(await statusOf(PUPIL, path, params, testUser('trust', null, false))).toBe(403);
		expect(await statusOf(PUPIL, path, params, null)).toBe(401);
		expect((await callArrow(PUPIL, path, params, testUser('trust', null, true))).rows).toHaveLength(10);
		expect((await callArrow(PUPIL, path, params, testUser('slt', [NORTH]))).rows).toHaveLength(10);
		// the refusals left no trace; the two answers did
		const log = await rows(w, "SELECT user_name, target FROM audit_log WHERE action = 'open pupil data' ORDER BY audit_id");
		expect(log).toEqual([
			{ user_name: 'test-trust', target: `${A} /api/pupil/${A}/marks?year=2024/25` },
			{ user_name: 'test-slt', target: `${A} /api/pupil/${A}/marks?year=2024/25` }
		]);
	});

	it("holds the filters to the user's school", async () => {
		expect(await statusOf(COHORTS, `/api/cohorts/by_dimension?school=${SOUTH}`, { dataset: 'by_dimension' }, testUser('slt', [NORTH]))).toBe(403);
	});

	it('withholds small numbers from governors only', async () => {
		const path = `/api/cohorts/by_dimension?dimension=sex&year=2024/25&school=${NORTH}`;
		const admin = await callArrow(COHORTS, path, { dataset: 'by_dimension' });
		const governor = await callArrow(COHORTS, path, { dataset: 'by_dimension' }, testUser('governor', [NORTH]));
		// North has one pupil (Ada, absent all week): the figures rest on 1 pupil, below 5
		const adminFemale = admin.rows.find((r) => r.value === 'Female')!;
		expect(adminFemale).toMatchObject({ pupils: 1, possible_sessions: 10, absent_sessions: 10 });
		const governorFemale = governor.rows.find((r) => r.value === 'Female')!;
		expect(governorFemale).toMatchObject({ pupils: null, possible_sessions: null, absent_sessions: null, absence_rate: null });
		// the withheld cells are named, so tables show 'c' for them and '–' only for figures that do not exist
		expect(String(governorFemale.withheld_columns).split(',')).toEqual(expect.arrayContaining(['pupils', 'possible_sessions', 'absent_sessions', 'absence_rate']));
		expect(admin.columns).not.toContain('withheld_columns');
		expect(JSON.stringify(governor.rows)).not.toContain(A);
	});
});
