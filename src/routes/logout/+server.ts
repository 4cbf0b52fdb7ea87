import { redirect } from '@sveltejs/kit';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { clearSessionCookie, endSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { RequestHandler } from './$types';

/** Signs out: the session ends in the warehouse and its cookie is cleared. POST only (a link cannot sign anyone out). */
export const POST: RequestHandler = async ({ cookies, url }) => {
	await endSession(await appWarehouse(), cookies.get(SESSION_COOKIE));
	clearSessionCookie(cookies, url);
	redirect(303, '/login');
};
