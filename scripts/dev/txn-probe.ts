// Times one dataset's query outside and inside a read transaction (as the server's snapshots run it).
import { Warehouse } from '../../src/lib/server/warehouse';
import { resolveFilters, filterParams } from '../../src/lib/server/filters';
const [db, name] = process.argv.slice(2);
const w = await Warehouse.open(db);
const [view, ds] = name.split('/');
const mod = await import(`../../src/lib/server/datasets/${view}.ts`);
const reg = Object.entries(mod).find(([k]) => k.endsWith('_DATASETS'))![1] as Record<string, { sql: string; params?: (u: URL) => object }>;
const url = new URL(`http://x/api/${name}`);
const admin = { id: 0, name: 'a', role: 'admin', schools: null, pupilAccess: true } as const;
const params = { ...filterParams(await resolveFilters(url, w, admin)), ...(reg[ds].params?.(url) ?? {}) };
const time = async (label: string, f: () => Promise<unknown>) => {
	const xs: number[] = [];
	for (let i = 0; i < 6; i++) { const t = performance.now(); await f(); xs.push(performance.now() - t); }
	xs.sort((a, b) => a - b);
	console.log(label, xs[2].toFixed(1), 'ms');
};
await time('outside', () => w.query(reg[ds].sql, params as never));
await time('snapshot', () => w.snapshot(() => w.query(reg[ds].sql, params as never)));
