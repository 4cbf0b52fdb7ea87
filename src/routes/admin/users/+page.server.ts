import { InputError } from '$lib/catalog/errors';
import { error, fail } from '@sveltejs/kit';
import { appWarehouse } from '$lib/server/warehouse/shared';
import { can, ROLES, type SessionUser } from '$lib/server/auth/roles';
import { addUser, listUsers, removeUser, setPassword } from '$lib/server/auth/users';
import { audit } from '$lib/server/auth/audit';
import { clientIp } from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

function admin(user: SessionUser | null): SessionUser {
	if (!user || !can(user, 'admin')) error(403, 'Only admins manage users');
	return user;
}

export const load: PageServerLoad = async ({ locals }) => {
	admin(locals.user);
	const warehouse = await appWarehouse();
	const [users, schools] = await Promise.all([listUsers(warehouse), warehouse.read('reports/schools')]);
	return { users, roles: [...ROLES], allSchools: schools as { urn: number; name: string }[], me: locals.user!.name };
};

export const actions: Actions = {
	add: async (event) => {
		const user = admin(event.locals.user);
		const form = await event.request.formData();
		const name = String(form.get('name') ?? '').trim();
		const role = String(form.get('role') ?? '');
		const schools = form.getAll('schools').map((s) => Number(s));
		const password = String(form.get('password') ?? '');
		const warehouse = await appWarehouse();
		try {
			const added = await addUser(warehouse, { name, role, schools, pupilAccess: form.get('pupilAccess') === 'on', password });
			await audit(warehouse, user, 'add user', `${name} (${added.role}${added.schools ? `, schools ${added.schools.join(', ')}` : ''})`, clientIp(event));
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			return fail(400, { action: 'add', name, message: e.message });
		}
		return { action: 'add', done: `Added ${name}.` };
	},
	remove: async (event) => {
		const user = admin(event.locals.user);
		const form = await event.request.formData();
		const name = String(form.get('name') ?? '');
		if (name === user.name) return fail(400, { action: 'remove', message: 'You cannot remove your own account.' });
		const warehouse = await appWarehouse();
		if (!(await removeUser(warehouse, name))) return fail(404, { action: 'remove', message: `There is no user '${name}'.` });
		await audit(warehouse, user, 'remove user', name, clientIp(event));
		return { action: 'remove', done: `Removed ${name}.` };
	},
	password: async (event) => {
		const user = admin(event.locals.user);
		const form = await event.request.formData();
		const name = String(form.get('name') ?? '');
		const warehouse = await appWarehouse();
		try {
			if (!(await setPassword(warehouse, name, String(form.get('password') ?? ''))))
				return fail(404, { action: 'password', message: `There is no user '${name}'.` });
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			return fail(400, { action: 'password', message: e.message });
		}
		await audit(warehouse, user, 'reset password', name, clientIp(event));
		return { action: 'password', done: `New password set for ${name}; their sessions are signed out.` };
	}
};
