// Done-when test of access control: signs in as each demo role over real HTTP against the built app and
// requests every route and every data endpoint, enumerated from src/routes and the dataset registries
// (so a new route or dataset is covered without editing this file). It asserts that
// - every route id is in the policy table (deny by default must not be the only thing stopping a leak),
// - a role gets what the policy grants it and a 401/403 for the rest,
// - governor answers never hold a UPN or a pupil's name,
// - pupil-level datasets and lists refuse governors and trust accounts without the grant,
// - cross-school access is refused: the first school's SLT/officer/governor asking for the second school's
//   data or a second-school pupil, and their defaults hold only their school's pupils.
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { needed, policyOf, ROUTE_POLICY } from '../../src/lib/server/auth/policy';
import { can, type SessionUser } from '../../src/lib/server/auth/roles';

const ROUTES_DIR = 'src/routes';
const PASSWORD = 'demo';
const UPN = /[A-Z]\d{12}/;

interface RouteInfo {
	id: string;
	page: boolean;
	methods: string[];
	dir: string;
}

/** Every route of the app (a folder with a +page or +server file), with its id as SvelteKit names it. */
function discoverRoutes(): RouteInfo[] {
	const routes: RouteInfo[] = [];
	const walk = (dir: string) => {
		const entries = readdirSync(dir, { withFileTypes: true });
		const files = entries.filter((e) => e.isFile()).map((e) => e.name);
		const page = files.some((f) => /^\+page(\.server)?\.(svelte|ts|js)$/.test(f));
		const server = files.find((f) => /^\+server\.(ts|js)$/.test(f));
		const methods = server ? [...readFileSync(join(dir, server), 'utf8').matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]) : [];
		if (page || server) {
			const rel = dir.slice(ROUTES_DIR.length).replaceAll('\\', '/');
			routes.push({ id: rel === '' ? '/' : rel, page, methods, dir });
		}
		for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name));
	};
	walk(ROUTES_DIR);
	return routes;
}

/** The datasets a [dataset] route serves (the *_DATASETS registry its +server.ts imports): name → pupil-level. */
const pupilLevelDatasets = new Set<string>();
async function datasetNames(route: RouteInfo): Promise<string[]> {
	const file = readdirSync(route.dir).find((f) => /^\+server\.(ts|js)$/.test(f));
	if (!file) return [];
	const text = readFileSync(join(route.dir, file), 'utf8');
	const found = /respondDataset\(event, '([\w-]+)'\)/.exec(text);
	if (!found) throw new Error(`${route.id}: cannot find the catalog view its +server.ts serves`);
	const { DATASETS } = await import('../../src/lib/catalog/datasets');
	const registry = DATASETS[found[1] as keyof typeof DATASETS] as Record<string, { pupilLevel?: boolean }>;
	if (!registry) throw new Error(`${route.id}: the catalog has no view '${found[1]}'`);
	for (const [name, dataset] of Object.entries(registry)) if (dataset.pupilLevel) pupilLevelDatasets.add(`${route.id}#${name}`);
	return Object.keys(registry);
}

/** The casework lists (the [list] parameter). */
function listNames(): string[] {
	const text = readFileSync('src/lib/catalog/lists/index.ts', 'utf8');
	const block = /export const LISTS\s*=\s*\{([\s\S]*?)\n\}/.exec(text)?.[1] ?? '';
	const names = [...block.matchAll(/^\t'?([\w-]+)'?(?::|,|$)/gm)].map((m) => m[1]);
	if (names.length < 5) throw new Error('cannot read the casework lists from src/lib/catalog/lists/index.ts');
	return names;
}

// the demo's pupils, read from the browser tests' own copy of the demo warehouse
interface DemoFacts {
	schoolA: number;
	schoolB: number;
	upnsA: Set<string>;
	upnsB: Set<string>;
	upnA: string;
	upnB: string;
	allUpns: string[];
	names: string[];
}

async function demoFacts(): Promise<DemoFacts> {
	const path = 'test-results/e2e-data/demo.duckdb';
	if (!existsSync(path)) throw new Error(`${path} is missing: the e2e server builds it (tests/e2e/serve.mjs)`);
	const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
	const conn = await instance.connect();
	try {
		const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
		const schools = (await rows('SELECT urn FROM schools ORDER BY urn')).map((r) => Number(r.urn));
		const enrolled = await rows('SELECT p.upn, list(DISTINCT e.school_urn) AS schools FROM pupils p JOIN enrolments e USING (pupil_id) GROUP BY p.upn');
		const pupils = await rows("SELECT upn, coalesce(forename, '') AS forename, coalesce(surname, '') AS surname FROM pupils");
		const [schoolA, schoolB] = schools;
		const upnsA = new Set<string>(), upnsB = new Set<string>();
		let upnA = '', upnB = '';
		for (const r of enrolled) {
			const list = (r.schools as unknown[]).map(Number);
			if (list.includes(schoolA)) upnsA.add(String(r.upn));
			if (list.includes(schoolB)) upnsB.add(String(r.upn));
			if (!upnA && list.length === 1 && list[0] === schoolA) upnA = String(r.upn);
			if (!upnB && list.length === 1 && list[0] === schoolB) upnB = String(r.upn);
		}
		const names = pupils.flatMap((p) => (p.forename && p.surname ? [`${p.forename} ${p.surname}`, `${p.surname}, ${p.forename}`] : []));
		return { schoolA, schoolB, upnsA, upnsB, upnA, upnB, allUpns: pupils.map((p) => String(p.upn)), names };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

/** The demo accounts as the server knows them (see src/lib/server/auth/demo.ts). */
function demoUsers(f: DemoFacts): Record<string, SessionUser> {
	const u = (name: string, role: SessionUser['role'], schools: number[] | null, pupilAccess = false): SessionUser => ({ id: 0, name, role, schools, pupilAccess });
	return {
		admin: u('admin', 'admin', null),
		slt: u('slt', 'slt', [f.schoolA]),
		officer: u('officer', 'officer', [f.schoolA]),
		governor: u('governor', 'governor', [f.schoolA]),
		trust: u('trust', 'trust', [f.schoolA, f.schoolB])
	};
}

async function signedIn(baseURL: string, name: string): Promise<APIRequestContext> {
	const context = await request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
	const response = await context.post('/login', {
		form: { name, password: PASSWORD, next: '/' },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `${name} signs in`).toBe(303);
	return context;
}

/** Every GET request to make: each route with its parameters filled (each dataset, each list). */
async function requestsFor(routes: RouteInfo[], f: DemoFacts): Promise<{ routeId: string; path: string; method: string }[]> {
	const lists = listNames();
	const out: { routeId: string; path: string; method: string }[] = [];
	for (const r of routes) {
		const gets = r.page || r.methods.includes('GET');
		const method = gets ? 'GET' : (r.methods[0] ?? 'GET');
		let paths = [r.id];
		const fill = async (param: string, values: () => string[] | Promise<string[]>) => {
			if (!paths.some((p) => p.includes(`[${param}]`))) return;
			const filled = await values();
			paths = paths.flatMap((p) => filled.map((v) => p.replace(`[${param}]`, encodeURIComponent(v))));
		};
		await fill('dataset', () => datasetNames(r));
		await fill('list', () => lists);
		await fill('upn', () => [f.upnA]);
		paths = paths.map((p) => p.replace(/\[\.*\w+\]/g, '1'));
		for (const path of paths) out.push({ routeId: r.id, path, method });
	}
	return out;
}

test.describe.configure({ mode: 'serial' });

let facts: DemoFacts;
let routes: RouteInfo[];

test.beforeAll(async () => {
	facts = await demoFacts();
	routes = discoverRoutes();
});

test('every route of the app has an entry in the access policy', () => {
	expect(routes.length).toBeGreaterThan(20);
	const missing = routes.map((r) => r.id).filter((id) => !policyOf(id));
	expect(missing, `routes missing from src/lib/server/auth/policy.ts`).toEqual([]);
	// and the policy names no route twice under other spellings
	expect(Object.keys(ROUTE_POLICY).every((id) => id.startsWith('/'))).toBe(true);
});

test('the demo has two schools with pupils of their own', () => {
	expect(facts.schoolB, 'the e2e demo has two schools').toBeTruthy();
	expect(facts.upnA).toMatch(UPN);
	expect(facts.upnB).toMatch(UPN);
	expect(facts.names.length).toBeGreaterThan(100);
});

test('nobody signed in: pages go to the sign-in page, data answers 401', async ({ baseURL }) => {
	const anonymous = await request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
	for (const { routeId, path, method } of await requestsFor(routes, facts)) {
		if (policyOf(routeId)?.read === 'public') continue;
		const response = await anonymous.fetch(path, { method, maxRedirects: 0, headers: { accept: 'text/html' } });
		const status = response.status();
		if (routeId.startsWith('/api/')) expect(status, `${method} ${path}`).toBe(401);
		else expect([303, 401], `${method} ${path}`).toContain(status);
		if (status === 303) expect(response.headers().location).toMatch(/^\/login/);
		expect(await response.text()).not.toMatch(UPN);
	}
	await anonymous.dispose();
});

for (const role of ['admin', 'slt', 'officer', 'trust', 'governor']) {
	test(`${role}: every route and data endpoint answers as the policy says`, async ({ baseURL }) => {
		test.setTimeout(240_000);
		const user = demoUsers(facts)[role];
		const context = await signedIn(baseURL!, role);
		const problems: string[] = [];
		let allowed = 0, refused = 0;
		for (const { routeId, path, method } of await requestsFor(routes, facts)) {
			if (routeId === '/logout') continue;
			const policy = policyOf(routeId)!;
			const capability = needed(policy, method);
			// pupil-level datasets need 'pupils' whatever their route (api.ts checks it)
			const at = routeId.split('/').indexOf('[dataset]');
			const pupilLevel = at >= 0 && pupilLevelDatasets.has(`${routeId}#${decodeURIComponent(path.split('?')[0].split('/')[at])}`);
			const may = (capability === 'public' || can(user, capability)) && (!pupilLevel || can(user, 'pupils'));
			// writes are sent only where the role is refused (nothing runs); reads always
			if (method !== 'GET' && may) continue;
			const response = await context.fetch(path, { method, headers: { accept: 'text/html' }, data: method === 'GET' ? undefined : {} });
			const status = response.status();
			const body = (await response.body()).toString('latin1');
			if (!may) {
				refused++;
				if (status !== 403) problems.push(`${method} ${path}: ${status}, expected 403`);
			} else {
				allowed++;
				if (status === 401 || status === 403 || status >= 500) problems.push(`${method} ${path}: ${status}`);
			}
			if (role === 'governor') {
				const upn = UPN.exec(body)?.[0];
				if (upn) problems.push(`${path}: governor answer holds a UPN-like ${upn}`);
				const name = facts.names.find((n) => body.includes(n));
				if (name) problems.push(`${path}: governor answer holds the pupil name ${name}`);
			}
			if (user.schools?.length === 1) {
				// a one-school account's answers never name another school's pupil
				const other = [...body.matchAll(/[A-Z]\d{12}/g)].map((m) => m[0]).find((u) => facts.upnsB.has(u) && !facts.upnsA.has(u));
				if (other) problems.push(`${path}: ${role} of school ${facts.schoolA} sees pupil ${other} of school ${facts.schoolB}`);
			}
		}
		await context.dispose();
		console.log(`${role}: ${allowed} requests answered, ${refused} refused`);
		expect(problems).toEqual([]);
		expect(allowed, 'the role can reach something').toBeGreaterThan(0);
		if (role === 'admin') expect(refused).toBe(0);
		else expect(refused, `${role} is refused something`).toBeGreaterThan(0);
	});
}

test('pupil-level data refuses governors and trust accounts without the grant', async ({ baseURL }) => {
	const pupilPaths = [`/pupils/${facts.upnA}`, `/api/pupil/${facts.upnA}/marks`, '/api/lists/bands', '/pupils', '/cohorts/pupils?dimension=sex&value=Female'];
	for (const path of (await requestsFor(routes, facts)).filter((r) => r.method === 'GET').map((r) => r.path))
		if (path.startsWith('/api/cohorts/pupils') || path.startsWith('/api/codes/unresolved-n')) pupilPaths.push(path);
	for (const role of ['governor', 'trust']) {
		const context = await signedIn(baseURL!, role);
		for (const path of pupilPaths) expect((await context.get(path, { headers: { accept: 'text/html' } })).status(), `${role} ${path}`).toBe(403);
		await context.dispose();
	}
	// the same requests are answered for the school's SLT (so the refusals above are about the role)
	const slt = await signedIn(baseURL!, 'slt');
	for (const path of pupilPaths.slice(0, 4)) expect((await slt.get(path)).status(), `slt ${path}`).toBe(200);
	await slt.dispose();
});

test('cross-school access is refused', async ({ baseURL }) => {
	const b = facts.schoolB;
	for (const role of ['slt', 'officer', 'governor']) {
		const context = await signedIn(baseURL!, role);
		const get = async (path: string) => (await context.get(path, { headers: { accept: 'text/html' } })).status();
		for (const path of [`/?school=${b}`, `/overview?school=${b}`, `/api/summary/weekday?school=${b}`, `/api/overview/periods?school=${b}`, `/api/lists/bands/count?school=${b}`])
			expect(await get(path), `${role} ${path}`).toBe(403);
		// saving a setting for the other school, or for the whole trust
		for (const school of [b, null]) {
			const response = await context.post('/overview/target', { data: { school: school === null ? '' : String(school), target: '95' }, headers: { origin: baseURL! } });
			expect(response.status(), `${role} saves a target for ${school ?? 'the trust'}`).toBe(403);
		}
		if (role !== 'governor') {
			expect(await get(`/pupils/${facts.upnB}`), `${role} opens a school-B pupil`).toBe(403);
			expect(await get(`/api/pupil/${facts.upnB}/marks`), `${role} reads a school-B pupil's marks`).toBe(403);
			expect(await get(`/api/lists/bands?school=${b}`)).toBe(403);
			// their own pupil is fine, and their lists hold only their school's pupils
			expect(await get(`/pupils/${facts.upnA}`)).toBe(200);
			const page = await (await context.get('/pupils')).text();
			// (the UPNs of pupils in the warehouse: the search box's placeholder shows a made-up one)
			const known = new Set(facts.allUpns);
			const upns = [...page.matchAll(/[A-Z]\d{12}/g)].map((m) => m[0]).filter((u) => known.has(u));
			expect(upns.length).toBeGreaterThan(0);
			expect(upns.filter((u) => !facts.upnsA.has(u))).toEqual([]);
		}
		await context.dispose();
	}
	// the trust account sees both schools' aggregates
	const trust = await signedIn(baseURL!, 'trust');
	expect((await trust.get(`/api/summary/weekday?school=${b}`)).status()).toBe(200);
	expect((await trust.get(`/api/summary/weekday`)).status()).toBe(200);
	await trust.dispose();
});
