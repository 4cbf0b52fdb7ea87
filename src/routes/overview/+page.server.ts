import { error, fail } from '@sveltejs/kit';
import { checkTarget, readTarget, saveTarget } from '$lib/server/targets';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { checked as guard, clientIp } from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

/** The attendance target of the chosen school (or the trust): the one figure the page needs from the server. */
export const load: PageServerLoad = async ({ parent }) => {
	const { filters } = await parent();
	return { target: await readTarget(await appWarehouse(), filters.school) };
};

export const actions: Actions = {
	/**
	 * Saves the attendance target for the school in the form, or the trust when it is empty: the page's form
	 * without JavaScript (with it, the page posts JSON to ./target, which SvelteKit's form CSRF check
	 * does not stop when the server does not know its own origin).
	 */
	target: async (event) => {
		const user = event.locals.user;
		if (!user) error(401, 'Sign in first');
		const form = await event.request.formData();
		const targetText = String(form.get('target') ?? '');
		const warehouse = await appWarehouse();
		const checked = await checkTarget(warehouse, String(form.get('school') ?? ''), targetText);
		if ('error' in checked) return fail(400, { error: checked.error, target: targetText });
		await guard(() => saveTarget(warehouse, checked.school, checked.target, { actor: user, ip: clientIp(event) }));
		return { saved: true, target: checked.target, school: checked.school };
	}
};
