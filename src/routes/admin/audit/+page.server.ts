import { InputError } from '$lib/catalog/errors';
import { error } from '@sveltejs/kit';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { can } from '$lib/server/auth/roles';
import { auditEntries } from '$lib/server/auth/audit';
import { checkDate } from '$lib/server/reports';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

/** The audit log, newest first, filtered by user, action and dates (?user=&action=&from=&to=&page=). */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!can(locals.user, 'admin')) error(403, 'Only admins see the audit log');
	const get = (k: string) => url.searchParams.get(k)?.slice(0, 100) || null;
	let from: string | null, to: string | null;
	try {
		from = checkDate(get('from') ?? undefined, 'from') ?? null;
		to = checkDate(get('to') ?? undefined, 'to') ?? null;
	} catch (e) {
		if (!(e instanceof InputError)) throw e;
		error(400, e.message);
	}
	const pageText = get('page') ?? '1';
	if (!/^\d{1,6}$/.test(pageText) || Number(pageText) < 1) error(400, 'page is a whole number from 1');
	const page = Number(pageText);
	const warehouse = await appWarehouse();
	const [entries, choices] = await Promise.all([
		auditEntries(warehouse, { user: get('user'), action: get('action'), from, to, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
		warehouse.read('auth/audit_choices')
	]);
	return {
		entries,
		total: entries[0]?.total ?? 0,
		page,
		pageSize: PAGE_SIZE,
		filter: { user: get('user') ?? '', action: get('action') ?? '', from: from ?? '', to: to ?? '' },
		users: choices.filter((c) => c.kind === 'user').map((c) => String(c.value)),
		actions: choices.filter((c) => c.kind === 'action').map((c) => String(c.value))
	};
};
