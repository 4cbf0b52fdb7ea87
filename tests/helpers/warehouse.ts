import { withRawConnection } from '../../scripts/dev/raw';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Warehouse } from '../../src/lib/server/warehouse';

/** Copies of ../shared/samples (tests/fixtures/samples) and ../shared/reference (data/reference). */
export const SAMPLES = join(__dirname, '..', 'fixtures', 'samples');
export const REFERENCE = join(__dirname, '..', '..', 'data', 'reference');
/** The shared reference material beside the project, where it is (the copies are checked against it). */
export const SHARED = join(__dirname, '..', '..', '..', 'shared');

/** A new warehouse in a file of its own under the system temp folder. */
export async function freshWarehouse(): Promise<Warehouse> {
	const dir = mkdtempSync(join(tmpdir(), 'lens-test-'));
	return Warehouse.open(join(dir, 'warehouse.duckdb'));
}

/** Writes `text` to a new temp file named `name` and returns its path. */
export function tempFile(name: string, text: string | Buffer): string {
	const path = join(mkdtempSync(join(tmpdir(), 'lens-file-')), name);
	writeFileSync(path, text);
	return path;
}

/** Rows of a query, with BIGINT as number and DATE as YYYY-MM-DD. */
export async function rows(w: Warehouse, sql: string): Promise<Record<string, unknown>[]> {
	const { resultRows } = await import('../../src/lib/server/warehouse');
	return withRawConnection(w, async (conn) => resultRows(await conn.runAndReadAll(sql)));
}

/** Every table's row count and an order-independent checksum: equal fingerprints, equal warehouse. */
export async function fingerprint(w: Warehouse): Promise<Record<string, string>> {
	const tables = ['schools', 'pupils', 'enrolments', 'marks', 'mark_history', 'imports', 'term_dates', 'interventions'];
	const out: Record<string, string> = {};
	for (const t of tables) {
		const [r] = await rows(w, `SELECT count(*) AS n, coalesce(sum(hash(t)), 0)::VARCHAR AS h FROM ${t} t`);
		out[t] = `${r.n}:${r.h}`;
	}
	return out;
}
