import { InputError } from '$lib/catalog/errors';
import { error, fail } from '@sveltejs/kit';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { can, type SessionUser } from '$lib/server/auth/roles';
import { checkYears, retentionDryRun, retentionPurge, retentionYears, saveRetentionYears } from '$lib/server/auth/retention';
import { clientIp } from '$lib/server/respond';
import { audit } from '$lib/server/auth/audit';
import type { Actions, PageServerLoad } from './$types';

function admin(user: SessionUser | null): SessionUser {
	if (!user || !can(user, 'admin')) error(403, 'Only admins manage retention');
	return user;
}

/** The period (saved, or ?years= to try another) and the dry run: what a purge would delete today. */
export const load: PageServerLoad = async ({ locals, url }) => {
	admin(locals.user);
	const warehouse = await appWarehouse();
	const saved = await retentionYears(warehouse);
	let years = saved;
	if (url.searchParams.get('years')) {
		try {
			years = checkYears(url.searchParams.get('years'));
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			error(400, e.message);
		}
	}
	return { saved, plan: await retentionDryRun(warehouse, years) };
};

/** The retention period a form gives, or the problem with it. */
function yearsOf(form: FormData): number | string {
	try {
		return checkYears(form.get('years'));
	} catch (e) {
		if (!(e instanceof InputError)) throw e;
		return e.message;
	}
}

export const actions: Actions = {
	/** Saves the retention period (years). */
	save: async (event) => {
		const user = admin(event.locals.user);
		const form = await event.request.formData();
		const years = yearsOf(form);
		if (typeof years === 'string') return fail(400, { message: years });
		const warehouse = await appWarehouse();
		await saveRetentionYears(warehouse, years, user.name);
		await audit(warehouse, user, 'set retention period', `${years} years`, clientIp(event));
		return { done: `Register entries are now kept for ${years} years.` };
	},
	/**
	 * Purges what the dry run showed: the form carries the period and the totals the admin saw, and the
	 * purge is refused when today's dry run no longer matches them (new data since), so nobody deletes
	 * more than they confirmed.
	 */
	purge: async (event) => {
		const user = admin(event.locals.user);
		const form = await event.request.formData();
		if (form.get('confirm') !== 'on') return fail(400, { message: 'Tick the box to confirm the purge.' });
		const years = yearsOf(form);
		if (typeof years === 'string') return fail(400, { message: years });
		const warehouse = await appWarehouse();
		const now = await retentionDryRun(warehouse, years);
		const seen = String(form.get('expect') ?? '');
		const expected = `${now.totals.marks},${now.totals.mark_history},${now.totals.imports}`;
		if (seen !== expected) return fail(409, { message: 'The register changed since the dry run: check the new counts and confirm again.' });
		const done = await retentionPurge(warehouse, years, user, clientIp(event));
		return {
			done: `Deleted ${done.totals.marks.toLocaleString('en-GB')} marks, ${done.totals.mark_history.toLocaleString('en-GB')} amendments and ${done.totals.imports.toLocaleString('en-GB')} import records made before ${done.cutoff}.`
		};
	}
};
