import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE, SAMPLES, SHARED } from '../helpers/warehouse';

// The project keeps its own copies of the shared samples and reference tables, so that it needs
// nothing outside itself; where the shared folder is beside it, the copies must be the same bytes.
describe.skipIf(!existsSync(SHARED))('copies of the shared material', () => {
	it.each([
		['samples', SAMPLES],
		['reference', REFERENCE]
	])('%s are byte for byte the shared files', (folder, copy) => {
		const shared = readdirSync(join(SHARED, folder)).filter((f) => !f.startsWith('.'));
		expect(shared.length).toBeGreaterThan(0);
		for (const file of shared) expect(readFileSync(join(copy, file)).equals(readFileSync(join(SHARED, folder, file))), file).toBe(true);
	});
});
