// Requests from other sites (checkSameOrigin), and the headers every answer of the app carries
// (hooks.server.ts adds them; the pages' Content-Security-Policy is SvelteKit's, from kit.csp in
// svelte.config.js, with a nonce for its own inline scripts):
// - not framed by any other page (X-Frame-Options DENY, with the CSP's frame-ancestors 'none');
// - content types taken as sent (X-Content-Type-Options nosniff);
// - no address sent to other sites (Referrer-Policy same-origin);
// - nothing kept by the browser or a proxy (Cache-Control no-store): pages and answers hold pupils' data;
// - answers that are not pages (data, downloads) get a CSP of their own that lets them load and run nothing.
import { AccessError } from '../catalog/errors';
import { sameOrigin } from '../components/imports/guard';

/**
 * Refuses (403) a request that a page of another site made the browser send: its Origin or Sec-Fetch-Site
 * must name this server (as for uploads). Saves that take JSON and signing out check this themselves:
 * SvelteKit's own check covers form posts only.
 */
export function checkSameOrigin(request: Request, url: URL, what: string): void {
	if (!sameOrigin(request.headers, url.origin)) throw new AccessError(403, `${what} only from this site's own pages.`);
}

/** The CSP of an answer that is not a page: nothing loads, nothing runs, and no page may frame it. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const SECURITY_HEADERS: Record<string, string> = {
	'x-frame-options': 'DENY',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'cache-control': 'no-store'
};

/** The response with the security headers (a copy when its own headers cannot be changed). */
export function withSecurityHeaders(response: Response): Response {
	let out = response;
	try {
		apply(out.headers);
	} catch {
		// immutable headers (a fetched or Response.redirect answer): the same answer with headers of its own
		out = new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
		apply(out.headers);
	}
	return out;
}

function apply(headers: Headers): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
	const type = headers.get('content-type') ?? '';
	if (!headers.has('content-security-policy') && !type.startsWith('text/html')) headers.set('content-security-policy', NON_PAGE_CSP);
}
