import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../demo/generate';
import { importFile } from '../../src/lib/server/ingest';
import { Warehouse } from '../../src/lib/server/warehouse';
import { warehousePath } from './common';
import { createDemoLogins, DEMO_PASSWORD } from '../../src/lib/server/auth/demo';

function positiveInt(value: string | undefined, option: string, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${option} must be a whole number above 0, not '${value}'`);
	return Number(value);
}

/** Builds the demo trust: generates its exports and imports them through the ordinary import code. */
export async function buildDemo(db: string, opts: { pupils: number; schools: number; seed: number }, log = console.log) {
	rmSync(db, { force: true });
	rmSync(`${db}.wal`, { force: true });
	const dir = await mkdtemp(join(tmpdir(), 'attendance-demo-'));
	try {
		const started = Date.now();
		const demo = await generateDemo(dir, opts);
		log(`Generated ${demo.files.length} export files (${demo.marks} marks) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		const warehouse = await Warehouse.open(db);
		for (const [i, path] of demo.files.entries()) log((await importFile(warehouse, path, { next: demo.files[i + 1] })).message);
		const logins = await createDemoLogins(warehouse);
		log(`Demo sign-ins (password '${DEMO_PASSWORD}'): ${logins.map((l) => l.name).join(', ')}`);
		await warehouse.checkpoint();
		log(`Demo warehouse ready: ${db} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
		return warehouse;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

export async function mainDemo(values: { db?: string; pupils?: string; schools?: string; seed?: string }): Promise<number> {
	const opts = {
		pupils: positiveInt(values.pupils, '--pupils', 1500),
		schools: positiveInt(values.schools, '--schools', 4),
		seed: positiveInt(values.seed, '--seed', 2024)
	};
	await buildDemo(warehousePath(values.db), opts);
	return 0;
}
