// Every write advances the warehouse's one version, and every cache keys on it: what was worked out
// before a write (answers, sessions, impact estimates) is never served after it.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { interventionTypes, renameType } from '../../src/lib/server/interventions';
import { runImpact } from '../../src/lib/server/impact';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, SAMPLES } from '../helpers/warehouse';

let warehouse: Warehouse;

beforeAll(async () => {
	warehouse = await freshWarehouse();
	for (const file of ['pupils.csv', 'term-dates.csv', 'register-long-2023-24.csv', 'register-long-2024-25-autumn.csv', 'interventions.csv'])
		await importFile(warehouse, join(SAMPLES, file), { school: 100001 });
});

describe('the warehouse version', () => {
	it('advances with every write, and a kept answer is worked out again after it', async () => {
		let computed = 0;
		const work = async () => ++computed;
		const before = warehouse.version;
		expect(await warehouse.keep('probe', work)).toBe(1);
		expect(await warehouse.keep('probe', work)).toBe(1);
		await warehouse.write('commands/auth/setting_save', { key: 'probe', value: '1', saved_by: 'test', now: '2026-12-07 09:00:00' });
		expect(warehouse.version).toBe(before + 1);
		expect(await warehouse.keep('probe', work)).toBe(2);
	});

	it('keeps its answers across an audit entry (nothing kept reads the log), not across any other write', async () => {
		const { audit } = await import('../../src/lib/server/auth/audit');
		let computed = 0;
		const work = async () => ++computed;
		const first = await warehouse.keep('probe-audit', work);
		await audit(warehouse, 'cli', 'open pupil data', 'a pupil');
		expect(await warehouse.keep('probe-audit', work)).toBe(first);
		await warehouse.write('commands/auth/setting_save', { key: 'probe', value: '2', saved_by: 'test', now: '2026-12-07 09:00:00' });
		expect(await warehouse.keep('probe-audit', work)).toBe(first + 1);
	});

	it('refuses to run a command as a read, or a read as a command', async () => {
		await expect(warehouse.read('commands/auth/setting_save', {})).rejects.toThrow(/write\(\)/);
		await expect(warehouse.write('reports/schools')).rejects.toThrow(/not a command/);
	});

	it('gives the impact of a renamed intervention type under its new name at once', async () => {
		const range = { from: '2023-09-01', to: '2024-08-31' };
		const types = (await runImpact(warehouse, range)).rows.map((r) => r.type);
		expect(types).toContain('Letter 1');
		const letter = (await interventionTypes(warehouse)).find((t) => t.name === 'Letter 1')!;
		await renameType(warehouse, letter.type_id, 'First letter', 'test');
		const after = (await runImpact(warehouse, range)).rows.map((r) => r.type);
		expect(after).toContain('First letter');
		expect(after).not.toContain('Letter 1');
	});
});
