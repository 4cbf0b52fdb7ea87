import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { can } from '$lib/server/auth/roles';
import { addType, interventionTypes, InterventionProblem, moveType, renameType, retireType } from '$lib/server/interventions';
import { appWarehouse } from '$lib/server/warehouse/shared';
import type { Actions, PageServerLoad } from './$types';

/** The trust's list of intervention types, and whether the user may edit it. */
export const load: PageServerLoad = async ({ locals }) => {
	const warehouse = await appWarehouse();
	return { types: await interventionTypes(warehouse), canEdit: can(locals.user, 'interventions') };
};

/** Runs one change to the list for a user who may edit it (403 otherwise); a problem is a 400 with its message. */
async function change(event: RequestEvent, action: string, work: (form: FormData, by: string) => Promise<string>) {
	if (!can(event.locals.user, 'interventions')) error(403, 'Your role cannot edit the list of intervention types');
	const form = await event.request.formData();
	try {
		return { action, message: await work(form, event.locals.user!.name) };
	} catch (e) {
		if (e instanceof InterventionProblem)
			return fail(400, { action, id: form.get('id')?.toString() ?? null, field: e.field ?? null, message: e.message, name: form.get('name')?.toString() ?? '' });
		throw e;
	}
}

const text = (form: FormData, name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : null);

export const actions: Actions = {
	add: (event) =>
		change(event, 'add', async (form, by) => `Added ${await addType(await appWarehouse(), text(form, 'name'), by)} to the end of the list.`),
	rename: (event) =>
		change(event, 'rename', async (form, by) => {
			const r = await renameType(await appWarehouse(), text(form, 'id'), text(form, 'name'), by);
			if (r.from === r.to) return `${r.to}: the name is unchanged.`;
			return `Renamed ${r.from} to ${r.to} (${r.interventions} ${r.interventions === 1 ? 'intervention' : 'interventions'}; a file that still says ${r.from} will be read as ${r.to}).`;
		}),
	retire: (event) =>
		change(event, 'retire', async (form) => {
			const retired = text(form, 'retired') !== 'false';
			const name = await retireType(await appWarehouse(), text(form, 'id'), retired);
			return retired ? `Retired ${name}: no longer offered for new interventions; the log keeps it.` : `${name} is offered again.`;
		}),
	move: (event) =>
		change(event, 'move', async (form) => {
			const step = text(form, 'step') === 'up' ? -1 : 1;
			const name = await moveType(await appWarehouse(), text(form, 'id'), step);
			return `Moved ${name} ${step < 0 ? 'up' : 'down'}.`;
		})
};
