import { error, json } from '@sveltejs/kit';
import { listNamed, saveListSettings } from '$lib/server/lists';
import { clientIp, guarded } from '$lib/server/respond';
import { checkSameOrigin } from '$lib/server/security';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { RequestHandler } from './$types';

/**
 * Saves a list's settings as the defaults of a school, or of the trust (school null):
 * POST { "school": 140001 | null, "values": { "band_high": 0.96, … } } as JSON, from this site's pages only.
 * 400 with a message for an unknown setting, school or an out-of-range value; saved with who saved them.
 */
export const POST: RequestHandler = guarded(async (event) => {
	const { params, request, locals } = event;
	if (!locals.user) error(401, 'Sign in first');
	checkSameOrigin(request, event.url, 'List settings are saved');
	const name = listNamed(params.list);
	if (!request.headers.get('content-type')?.includes('application/json')) error(415, 'send the settings as JSON');
	const body = (await request.json().catch(() => null)) as { school?: unknown; values?: unknown } | null;
	if (!body || typeof body !== 'object') error(400, 'send {"school": URN or null, "values": {setting: value, …}}');
	const school = body.school ?? null;
	if (school !== null && !(typeof school === 'number' && Number.isInteger(school) && school > 0)) error(400, 'school must be a URN or null');
	const values = body.values;
	if (!values || typeof values !== 'object' || Array.isArray(values) || Object.keys(values).length === 0)
		error(400, 'values must name at least one setting');
	for (const v of Object.values(values)) if (typeof v !== 'string' && typeof v !== 'number') error(400, 'each setting is a number or a date');
	await saveListSettings(await appWarehouse(), name, school as number | null, values as Record<string, string | number>, { actor: locals.user, ip: clientIp(event) });
	return json({ saved: values, school });
});
