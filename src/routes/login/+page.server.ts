import { fail, redirect } from '@sveltejs/kit';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { safeNextPath as nextPath, signIn } from '$lib/server/auth/login';
import { setSessionCookie } from '$lib/server/auth/sessions';
import { DEMO_SETTING, getSetting } from '$lib/server/auth/settings';
import { DEMO_LOGINS, DEMO_PASSWORD } from '$lib/server/auth/demo';
import { clientIp } from '$lib/server/respond';
import { listUsers } from '$lib/server/auth/users';
import type { SessionUser } from '$lib/server/auth/roles';
import type { Actions, PageServerLoad } from './$types';

/**
 * Where each role starts when no page asked for sign-in: an attendance officer on today's first-day calls, a
 * governor on the Overview, everyone else on the Summary.
 */
function landing(user: SessionUser): string {
	return user.role === 'officer' ? '/lists/daily' : user.role === 'governor' ? '/overview' : '/';
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const asked = url.searchParams.get('next');
	if (locals.user) redirect(303, asked ? nextPath(asked) : landing(locals.user));
	const warehouse = await appWarehouse();
	const demo = (await getSetting(warehouse, DEMO_SETTING)) === 'true';
	return {
		/** The page that asked for sign-in ('' for none: the role's own starting page). */
		next: asked ? nextPath(asked) : '',
		/** No accounts yet: the page says how to create the first admin. */
		noUsers: (await listUsers(warehouse)).length === 0,
		demo: demo ? { password: DEMO_PASSWORD, logins: DEMO_LOGINS.map((l) => ({ name: l.name, what: l.what })) } : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const name = String(form.get('name') ?? '').trim().slice(0, 100);
		const password = String(form.get('password') ?? '').slice(0, 1000);
		const asked = String(form.get('next') ?? '');
		if (!name || !password) return fail(400, { name, message: 'Enter your user name and password.' });
		const result = await signIn(await appWarehouse(), name, password, clientIp(event) ?? 'unknown');
		if (!result.ok) return fail(result.reason === 'locked' ? 429 : 400, { name, message: result.message });
		setSessionCookie(event.cookies, event.url, result.token, result.expires);
		redirect(303, asked ? nextPath(asked) : landing(result.user));
	}
};
