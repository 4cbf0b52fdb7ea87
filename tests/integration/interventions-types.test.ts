import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { Warehouse } from '../../src/lib/server/warehouse';
import { upn } from '../helpers/upn';
import { freshWarehouse, rows, tempFile } from '../helpers/warehouse';

// The trust's list of intervention types, edited through the /interventions/types form actions, and how
// imports and the pupil page's record action meet it.
const SCHOOL = 100001;
const A = upn('873400146001');
const officer: SessionUser = { id: 1, name: 'Olive Officer', role: 'officer', schools: [SCHOOL], pupilAccess: true };
const governor: SessionUser = { id: 2, name: 'Gina Governor', role: 'governor', schools: [SCHOOL], pupilAccess: false };

let warehouse: Warehouse;
let typeActions: typeof import('../../src/routes/interventions/types/+page.server').actions;
let pupilActions: typeof import('../../src/routes/pupils/[upn]/+page.server').actions;

type Actions = Record<string, (event: never) => unknown>;

/** Calls a form action as SvelteKit would: the status (200, or the failure's or error's) and the data. */
async function act(actions: Actions, name: string, path: string, user: SessionUser | null, values: Record<string, string>, params = {}) {
	const body = new FormData();
	for (const [k, v] of Object.entries(values)) body.set(k, v);
	const url = new URL(`http://localhost${path}?/${name}`);
	try {
		const result = (await actions[name]({ request: new Request(url, { method: 'POST', body }), params, locals: { user }, url } as never)) as {
			status?: number;
			data?: Record<string, unknown>;
		} & Record<string, unknown>;
		return { status: result?.status ?? 200, data: (result?.data ?? result) as Record<string, unknown> };
	} catch (e) {
		return { status: (e as { status?: number }).status ?? 500, data: {} };
	}
}
const editTypes = (name: string, values: Record<string, string>, user: SessionUser | null = officer) =>
	act(typeActions as unknown as Actions, name, '/interventions/types', user, values);
const names = async () => (await rows(warehouse, 'SELECT name FROM intervention_types ORDER BY position, type_id')).map((r) => r.name);
const idOf = async (name: string) => String((await rows(warehouse, `SELECT type_id FROM intervention_types WHERE name = '${name}'`))[0].type_id);

beforeAll(async () => {
	warehouse = await freshWarehouse();
	process.env.ATTENDANCE_DB = warehouse.path;
	await importFile(warehouse, tempFile('register.csv', `UPN,Date,Session,Mark\n${A},2024-10-07,AM,/\n${A},2024-10-07,PM,O\n`), { school: SCHOOL });
	await importFile(
		warehouse,
		tempFile('interventions.csv', `UPN,Type,StartDate,Target\n${A},Family support worker,2024-10-07,90%\n${A},Letter 1,2024-10-01,95%\n`)
	);
	({ actions: typeActions } = await import('../../src/routes/interventions/types/+page.server'));
	({ actions: pupilActions } = await import('../../src/routes/pupils/[upn]/+page.server'));
});

describe('the list of intervention types', () => {
	it('starts with the usual escalation steps and adds an imported type as written', async () => {
		expect(await names()).toEqual([
			'Letter 1', 'Letter 2', 'Letter 3', 'Attendance meeting', 'Attendance contract', 'Parenting contract', 'Family support / early help',
			'Notice to improve', 'Penalty notice', 'Education supervision order', 'Referral', 'Family support worker'
		]);
	});

	it('is edited only by users who may record interventions', async () => {
		expect((await editTypes('add', { name: 'Home visit' }, governor)).status).toBe(403);
		expect((await editTypes('add', { name: 'Home visit' }, null)).status).toBe(403);
		expect(await names()).not.toContain('Home visit');
	});

	it('adds a type at the end, refusing a name already on the list (ignoring case) or an empty one', async () => {
		expect((await editTypes('add', { name: '  Home   visit ' })).data.message).toBe('Added Home visit to the end of the list.');
		expect((await names()).at(-1)).toBe('Home visit');
		const duplicate = await editTypes('add', { name: 'letter 1' });
		expect(duplicate.status).toBe(400);
		expect(duplicate.data.message).toBe("'Letter 1' is already on the list.");
		expect((await editTypes('add', { name: ' ' })).status).toBe(400);
	});

	it('renames a type: its interventions take the new name with history kept, and a file using the old name maps onto it', async () => {
		const result = await editTypes('rename', { id: await idOf('Family support worker'), name: 'Family support (school)' });
		expect(result.status).toBe(200);
		expect(await rows(warehouse, `SELECT type FROM interventions ORDER BY start_date`)).toEqual([{ type: 'Letter 1' }, { type: 'Family support (school)' }]);
		expect(await rows(warehouse, `SELECT change, changed_by, previous_type FROM intervention_history`)).toEqual([
			{ change: 'type renamed', changed_by: 'Olive Officer', previous_type: 'Family support worker' }
		]);
		expect((await editTypes('rename', { id: await idOf('Letter 2'), name: 'LETTER 1' })).status).toBe(400);
		const before = (await names()).length;
		await importFile(warehouse, tempFile('again.csv', `UPN,Type,StartDate\n${A},family support WORKER,2024-10-21\n`));
		expect((await names()).length).toBe(before);
		expect(await rows(warehouse, `SELECT type FROM interventions WHERE start_date = '2024-10-21'`)).toEqual([{ type: 'Family support (school)' }]);
	});

	it('moves a type up and down the list', async () => {
		await editTypes('move', { id: await idOf('Referral'), step: 'up' });
		expect((await names()).slice(9, 11)).toEqual(['Referral', 'Education supervision order']);
		await editTypes('move', { id: await idOf('Referral'), step: 'down' });
		expect((await names()).slice(9, 11)).toEqual(['Education supervision order', 'Referral']);
		// the first cannot go further up
		await editTypes('move', { id: await idOf('Letter 1'), step: 'up' });
		expect((await names())[0]).toBe('Letter 1');
	});

	it('retires a type: no longer offered for new interventions, kept on the old ones; and offers it again', async () => {
		expect((await editTypes('retire', { id: await idOf('Letter 1'), retired: 'true' })).status).toBe(200);
		const record = (type: string) =>
			act(pupilActions as unknown as Actions, 'record', `/pupils/${A}`, officer, { type, start: '2024-10-07' }, { upn: A });
		const refused = await record('Letter 1');
		expect(refused.status).toBe(400);
		expect(refused.data.message).toBe("'Letter 1' has been retired from the list: choose another type.");
		expect(await rows(warehouse, `SELECT count(*) AS n FROM interventions WHERE type = 'Letter 1'`)).toEqual([{ n: 1 }]);
		await editTypes('retire', { id: await idOf('Letter 1'), retired: 'false' });
		expect((await record('Letter 1')).status).toBe(200);
		expect(await rows(warehouse, `SELECT count(*) AS n FROM interventions WHERE type = 'Letter 1'`)).toEqual([{ n: 2 }]);
	});
});
