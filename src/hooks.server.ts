// Access control, in one place: every request is resolved to its signed-in user (locals.user) and
// checked against the route policy table (src/lib/server/auth/policy.ts) before any page or endpoint
// runs. Not signed in: pages go to /login, data answers 401. A route missing from the table is refused.
// School scope: a `school` outside the user's schools is refused (in the URL, or a form/JSON field), a
// school-scoped user's request that names no school is narrowed to their first school, and a pupil
// (a `upn` route parameter or query) must be on the roll of one of the user's schools.
import { error, isHttpError, redirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { auditAction, needed, policyOf } from '$lib/server/auth/policy';
import { can, canSeeSchool, type SessionUser } from '$lib/server/auth/roles';
import { SESSION_COOKIE, sessionUser } from '$lib/server/auth/sessions';
import { coversAll, defaultSchool, warehouseSchools } from '$lib/server/auth/scope';
import { pupilInScope } from '$lib/server/auth/pupil-scope';
import { audit } from '$lib/server/auth/audit';
import { changeDone } from '$lib/server/auth/audit-http';
import { withSecurityHeaders } from '$lib/server/security';
import { checked, clientIp } from '$lib/server/respond';
import { FILTERS } from '$lib/catalog/params';
import { FILTER_PARAMS } from '$lib/filters';

/** A request for data (an endpoint, a form action's JSON, a page's __data.json) rather than a page. */
function wantsData(event: RequestEvent): boolean {
	if (event.isDataRequest) return true;
	const id = event.route.id ?? '';
	if (id.startsWith('/api/') || id === '/api') return true;
	const accept = event.request.headers.get('accept') ?? '';
	return event.request.method !== 'GET' && !accept.includes('text/html');
}

/** The `school` field of a small form or JSON body, if it has one (undefined when absent). */
async function bodySchool(event: RequestEvent): Promise<string | null | undefined> {
	const type = event.request.headers.get('content-type') ?? '';
	const length = Number(event.request.headers.get('content-length') ?? 'NaN');
	if (!(length < 1_000_000)) return undefined;
	try {
		if (type.includes('application/json')) {
			const body = (await event.request.clone().json()) as unknown;
			if (body && typeof body === 'object' && 'school' in body) {
				const v = (body as { school: unknown }).school;
				return v === null || v === undefined || v === '' ? null : String(v);
			}
		} else if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
			const form = await event.request.clone().formData();
			if (form.has('school')) return String(form.get('school') ?? '') || null;
		}
	} catch {
		// an unreadable body is the route's own 400
	}
	return undefined;
}

async function checkScope(event: RequestEvent, user: SessionUser): Promise<void> {
	if (user.schools === null) return;
	const warehouse = await appWarehouse();
	const upn = event.params.upn ?? event.url.searchParams.get('upn');
	if (upn) {
		const inScope = await pupilInScope(warehouse, user, upn.toUpperCase());
		if (inScope === false) error(403, 'This pupil is not on the roll of any of your schools');
	}
	const schools = await warehouseSchools(warehouse);
	const schoolText = event.url.searchParams.get(FILTER_PARAMS.school);
	if (schoolText) {
		const school = checked(() => FILTERS.school.parse(schoolText, FILTER_PARAMS.school));
		if (!canSeeSchool(user, school!)) error(403, `You do not have access to school ${schoolText}`);
	} else if (!coversAll(user, schools)) {
		// no school named: this user's first school (their data only, never the whole trust's)
		const school = String(defaultSchool(user, schools));
		if (event.request.method === 'GET' && !wantsData(event)) {
			const url = new URL(event.url);
			url.searchParams.set(FILTER_PARAMS.school, school);
			redirect(307, `${url.pathname}${url.search}`);
		}
		event.url.searchParams.set(FILTER_PARAMS.school, school);
	}
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
		const posted = await bodySchool(event);
		if (posted === null && !coversAll(user, schools)) error(403, 'You do not have access to the whole trust');
		if (posted && (!/^\d{1,8}$/.test(posted) || !canSeeSchool(user, Number(posted)))) error(403, `You do not have access to school ${posted}`);
	}
}

function auditTarget(event: RequestEvent): string {
	const parts: string[] = [];
	if (event.params.upn) parts.push(event.params.upn);
	const file = event.request.headers.get('x-file-name');
	if (file) parts.push(decodeURIComponent(file).slice(0, 200));
	parts.push(`${event.url.pathname}${event.url.search}`);
	return parts.join(' ');
}

export const handle: Handle = async ({ event, resolve }) => {
	const warehouse = await appWarehouse();
	event.locals.user = await sessionUser(warehouse, event.cookies.get(SESSION_COOKIE));
	const user = event.locals.user;
	const routeId = event.route.id;
	const policy = policyOf(routeId);
	if (policy && needed(policy, event.request.method) === 'public') return withSecurityHeaders(await resolve(event));

	if (!user) {
		if (wantsData(event)) error(401, 'Sign in first');
		const next = `${event.url.pathname}${event.url.search}`;
		redirect(303, `/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`);
	}
	// no route: SvelteKit's own 404
	if (routeId === null) return resolve(event);
	if (!policy) {
		console.error(`access: route ${routeId} is not in the policy table (src/lib/server/auth/policy.ts): refused`);
		error(403, 'This page has no access rule yet, so it is closed');
	}
	const capability = needed(policy, event.request.method) as Exclude<ReturnType<typeof needed>, 'public'>;
	const isWrite = event.request.method !== 'GET' && event.request.method !== 'HEAD';
	try {
		if (!can(user, capability)) error(403, `Not available for your role (${user.role})`);
		await checkScope(event, user);
	} catch (e) {
		// a write refused at the door (role or school) is audited: who tried to change what
		if (isWrite && isHttpError(e) && e.status === 403) await audit(warehouse, user, 'refused: write', `${auditTarget(event)} (${e.body.message})`, clientIp(event));
		throw e;
	}

	const response = await resolve(event);
	const action = auditAction(policy, event.request.method);
	// a form action's failure (fail(400)) answers JavaScript with 200 and the failure inside: not a change
	if (action && (await changeDone(event.request, response))) await audit(warehouse, user, action, auditTarget(event), clientIp(event));
	return withSecurityHeaders(response);
};

