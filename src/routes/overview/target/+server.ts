import { error, json } from '@sveltejs/kit';
import { checkTarget, saveTarget } from '$lib/server/targets';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { guarded } from '$lib/server/respond';
import type { RequestHandler } from './$types';

/**
 * POST {"school": "140001" | "", "target": "95.5"}: saves an attendance target (the Overview page's form,
 * with JavaScript). JSON only, so another site cannot post it from a form; 400 with {error} when refused.
 */
export const POST: RequestHandler = guarded(async ({ request }) => {
	if (!request.headers.get('content-type')?.startsWith('application/json')) error(415, 'send the target as JSON');
	const body = (await request.json().catch(() => null)) as { school?: unknown; target?: unknown } | null;
	if (!body || typeof body !== 'object') error(400, 'send {"school": URN or "", "target": percentage}');
	const warehouse = await appWarehouse();
	const checked = await checkTarget(warehouse, String(body.school ?? ''), String(body.target ?? ''));
	if ('error' in checked) return json({ error: checked.error }, { status: 400 });
	await saveTarget(warehouse, checked.school, checked.target);
	return json({ saved: true, ...checked });
});
