import { error, json } from '@sveltejs/kit';
import { checkTarget, saveTarget } from '$lib/server/targets';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { clientIp, guarded } from '$lib/server/respond';
import { checkSameOrigin } from '$lib/server/security';
import type { RequestHandler } from './$types';

/**
 * POST {"school": "140001" | "", "target": "95.5"}: saves an attendance target (the Overview page's form,
 * with JavaScript). JSON only, and from this site's pages only (403 otherwise: SvelteKit's form check does
 * not cover JSON); 400 with {error} when refused. Saved with who saved it, and audited.
 */
export const POST: RequestHandler = guarded(async (event) => {
	const { request, locals } = event;
	if (!locals.user) error(401, 'Sign in first');
	checkSameOrigin(request, event.url, 'Targets are saved');
	if (!request.headers.get('content-type')?.startsWith('application/json')) error(415, 'send the target as JSON');
	const body = (await request.json().catch(() => null)) as { school?: unknown; target?: unknown } | null;
	if (!body || typeof body !== 'object') error(400, 'send {"school": URN or "", "target": percentage}');
	const warehouse = await appWarehouse();
	const checked = await checkTarget(warehouse, String(body.school ?? ''), String(body.target ?? ''));
	if ('error' in checked) return json({ error: checked.error }, { status: 400 });
	await saveTarget(warehouse, checked.school, checked.target, { actor: locals.user, ip: clientIp(event) });
	return json({ saved: true, ...checked });
});
