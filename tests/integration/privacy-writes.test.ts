// No write crosses a school: a user of one school who posts a target or list settings for another school (or
// the trust), with a plain, a chunked or a padded body, is refused; nothing changes and each attempt is audited.
import { beforeAll, describe, expect, it } from 'vitest';
import { withRawConnection } from '../../scripts/dev/raw';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { auditEntries } from '../../src/lib/server/auth/audit';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { testUser } from '../helpers/api';
import { freshWarehouse, rows, tempFile } from '../helpers/warehouse';
import { importFile } from '../../src/lib/server/ingest';
import { upn } from '../helpers/upn';

const MINE = 140001;
const OTHER = 140002;
let warehouse: Warehouse;
const officer: SessionUser = testUser('officer', [MINE]);
const B = upn('873402199002');

beforeAll(async () => {
	warehouse = await freshWarehouse();
	await withRawConnection(warehouse, (conn) => conn.run(`INSERT INTO schools (urn, name) VALUES (${MINE}, 'Mine'), (${OTHER}, 'Other')`));
	// a pupil of the other school only
	await importFile(warehouse, tempFile('other.csv', `UPN,Date,Session,Mark\n${B},2024-10-07,AM,/\n${B},2024-10-07,PM,O\n`), { school: OTHER });
	process.env.ATTENDANCE_DB = warehouse.path;
});

/** The same JSON sent three ways: in one piece, chunked (a stream, no length), and padded past 1 MB. */
function bodies(value: unknown): { how: string; body: () => BodyInit; init?: RequestInit }[] {
	const text = JSON.stringify(value);
	return [
		{ how: 'plain', body: () => text },
		{
			how: 'chunked',
			body: () =>
				new ReadableStream({
					start(controller) {
						for (let i = 0; i < text.length; i += 7) controller.enqueue(new TextEncoder().encode(text.slice(i, i + 7)));
						controller.close();
					}
				}),
			init: { duplex: 'half' } as RequestInit
		},
		{ how: 'padded', body: () => `${' '.repeat(1_200_000)}${text}` }
	];
}

async function post(handler: (event: never) => Promise<Response>, path: string, params: Record<string, string>, value: unknown, init: { body: () => BodyInit; init?: RequestInit }) {
	const url = new URL(path, 'http://localhost');
	const request = new Request(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: url.origin },
		body: init.body(),
		...init.init
	});
	try {
		return (await handler({ url, params, request, locals: { user: officer }, getClientAddress: () => '127.0.0.1' } as never)).status;
	} catch (e) {
		return (e as { status?: number }).status ?? 500;
	}
}

const refusals = async () => (await auditEntries(warehouse, { user: officer.name, limit: 1000 })).filter((e) => e.action.startsWith('refused'));

describe('a write for another school', () => {
	it('saves no target for another school or the trust, however the body is sent', async () => {
		const { POST } = await import('../../src/routes/overview/target/+server');
		const before = await rows(warehouse, 'SELECT count(*) AS n FROM school_targets');
		let attempts = 0;
		for (const school of [String(OTHER), ''])
			for (const way of bodies({ school, target: '97' })) {
				expect(await post(POST as never, '/overview/target', {}, null, way), `${way.how} for '${school}'`).toBe(403);
				attempts++;
			}
		expect(await rows(warehouse, 'SELECT count(*) AS n FROM school_targets')).toEqual(before);
		expect((await refusals()).filter((e) => e.action === 'refused: set attendance target')).toHaveLength(attempts);
		// its own school, the same way: saved
		expect(await post(POST as never, '/overview/target', {}, null, bodies({ school: String(MINE), target: '97' })[1])).toBe(200);
	});

	it('saves no list settings for another school or the trust, however the body is sent', async () => {
		const { POST } = await import('../../src/routes/api/lists/[list]/settings/+server');
		const before = await rows(warehouse, 'SELECT count(*) AS n FROM list_settings');
		let attempts = 0;
		for (const school of [OTHER, null])
			for (const way of bodies({ school, values: { band_mid: 0.96 } })) {
				expect(await post(POST as never, '/api/lists/bands/settings', { list: 'bands' }, null, way), `${way.how} for ${school}`).toBe(403);
				attempts++;
			}
		expect(await rows(warehouse, 'SELECT count(*) AS n FROM list_settings')).toEqual(before);
		expect((await refusals()).filter((e) => e.action === 'refused: change list settings')).toHaveLength(attempts);
		expect(await post(POST as never, '/api/lists/bands/settings', { list: 'bands' }, null, bodies({ school: MINE, values: { band_mid: 0.96 } })[2])).toBe(200);
	});

	it('records no intervention for another school’s pupil, and audits the attempt', async () => {
		const { actions } = await import('../../src/routes/pupils/[upn]/+page.server');
		const before = await rows(warehouse, 'SELECT count(*) AS n FROM interventions');
		for (const school of ['', String(OTHER)]) {
			const body = new FormData();
			body.set('type', 'Letter 1');
			body.set('start', '2024-10-08');
			if (school) body.set('school', school);
			const url = new URL(`http://localhost/pupils/${B}?/record`);
			const status = await Promise.resolve()
				.then(() => actions.record({ request: new Request(url, { method: 'POST', body }), params: { upn: B }, locals: { user: officer }, url } as never))
				.then(() => 200, (e: { status?: number }) => e.status ?? 500);
			expect(status, `school '${school}'`).toBe(403);
		}
		expect(await rows(warehouse, 'SELECT count(*) AS n FROM interventions')).toEqual(before);
		expect((await refusals()).filter((e) => e.action === 'refused: record intervention')).toHaveLength(2);
	});
});
