// npx tsx tests/integration/reliability-probe.ts DB: opens DB as the app does and prints, as JSON, its
// fingerprint, its tables and its mark count (the reliability tests compare these across a kill).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// tests/helpers/warehouse.ts names its folders with __dirname (Vitest's CommonJS view): give it one
(globalThis as { __dirname?: string }).__dirname = join(dirname(fileURLToPath(import.meta.url)), '..', 'helpers');
const { fingerprint, rows } = await import('../helpers/warehouse');
const { Warehouse } = await import('../../src/lib/server/warehouse');

const warehouse = await Warehouse.open(process.argv[2]);
const tables = (
	await rows(warehouse, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name")
).map((r) => r.table_name as string);
const [{ n }] = await rows(warehouse, 'SELECT count(*) AS n FROM marks');
const schools = (await rows(warehouse, 'SELECT urn FROM schools ORDER BY urn')).map((r) => r.urn as number);
console.log(JSON.stringify({ fingerprint: await fingerprint(warehouse), tables, marks: n, schools }));
process.exit(0);
