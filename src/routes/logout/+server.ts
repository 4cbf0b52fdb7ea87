import { redirect } from '@sveltejs/kit';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { clearSessionCookie, endSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { audit } from '$lib/server/auth/audit';
import { clientIp, guarded } from '$lib/server/respond';
import { checkSameOrigin } from '$lib/server/security';
import type { RequestHandler } from './$types';

/**
 * Signs out: the session ends in the warehouse, its cookie is cleared and the audit log has a line. POST
 * only (a link cannot sign anyone out), and from this site's pages only (403 from another site's).
 */
export const POST: RequestHandler = guarded(async (event) => {
	checkSameOrigin(event.request, event.url, 'Sign out');
	const warehouse = await appWarehouse();
	await endSession(warehouse, event.cookies.get(SESSION_COOKIE));
	clearSessionCookie(event.cookies, event.url);
	if (event.locals.user) await audit(warehouse, event.locals.user, 'sign out', null, clientIp(event));
	redirect(303, '/login');
});
