// Small-number protection is the responder's, not each dataset's: a role that sees aggregates only never
// receives a figure resting on fewer pupils than the threshold. For every school of a demo trust, the
// smallest group of every cohort dimension and year group under the threshold is asked for, as a filter,
// of every aggregate dataset and of the Summary's load: each is refused. No answer holds another school's data.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../scripts/cli/demo';
import { DATASETS, type ViewName } from '../../src/lib/catalog/datasets';
import type { DatasetDefinition } from '../../src/lib/catalog/define';
import { COHORT_DIMENSIONS } from '../../src/lib/catalog/params';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { suppressionThreshold } from '../../src/lib/server/suppression';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { callArrow, statusOf, testUser } from '../helpers/api';

let warehouse: Warehouse;
let schools: number[];
const THRESHOLD = suppressionThreshold();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (event: any) => Promise<Response>;
const handlers: Partial<Record<ViewName, Handler>> = {};

beforeAll(async () => {
	warehouse = await buildDemo(join(mkdtempSync(join(tmpdir(), 'lens-privacy-')), 'demo.duckdb'), { pupils: 400, schools: 3, seed: 11 }, () => {});
	process.env.ATTENDANCE_DB = warehouse.path;
	schools = (await warehouse.read('reports/schools')).map((s) => s.urn as number);
	for (const view of Object.keys(DATASETS) as ViewName[]) {
		if (view === 'pupil') continue;
		handlers[view] = (await import(`../../src/routes/api/${view}/[dataset]/+server.ts`)).GET as Handler;
	}
}, 300_000);

/** The aggregate datasets and the parameters some need. */
const aggregates = Object.entries(DATASETS).flatMap(([view, registry]) =>
	Object.entries(registry as Record<string, DatasetDefinition>)
		.filter(([, d]) => !d.pupilLevel && d.suppress !== 'none')
		.map(([name]) => ({ view: view as ViewName, name }))
);
const EXTRA: Record<string, string> = { 'impact/weeks': 'type=Letter%201' };

/** Aggregate-only users of one school: a governor, and a trust account without the pupil grant scoped to it. */
const viewers = (urn: number): SessionUser[] => [testUser('governor', [urn]), testUser('trust', [urn])];

/** Each school's groups smaller than the threshold (the smallest of each dimension), as a filter. */
async function smallGroups(urn: number): Promise<string[]> {
	const groups = await warehouse.read('reports/cohort_values', { from: '2024-09-01', to: '2025-08-31', school: urn });
	const filters: string[] = [];
	for (const dimension of COHORT_DIMENSIONS) {
		const small = groups.filter((g) => g.dimension === dimension && (g.pupils as number) < THRESHOLD).sort((a, b) => (a.pupils as number) - (b.pupils as number))[0];
		if (!small) continue;
		const value = encodeURIComponent(String(small.value));
		filters.push(dimension === 'year_group' ? `yg=${value}` : `cohort=${dimension}:${value}`);
	}
	return filters;
}

describe('a role that sees aggregates only', () => {
	it('is refused every aggregate dataset filtered to a group under the threshold, in every school', async () => {
		let refused = 0;
		for (const urn of schools) {
			const filters = await smallGroups(urn);
			expect(filters.length, `school ${urn} has small groups to try`).toBeGreaterThan(0);
			for (const user of viewers(urn))
				for (const filter of filters)
					for (const { view, name } of aggregates) {
						const path = `/api/${view}/${name}?school=${urn}&year=2024/25&${filter}&${EXTRA[`${view}/${name}`] ?? ''}`;
						expect(await statusOf(handlers[view]!, path, { dataset: name }, user), `${user.role} ${path}`).toBe(403);
						refused++;
					}
		}
		expect(refused).toBeGreaterThan(50);
	});

	it('gets the same filters answered for a role that may see pupils', async () => {
		const urn = schools[0];
		const [filter] = await smallGroups(urn);
		const answer = await callArrow(handlers.cohorts!, `/api/cohorts/by_dimension?school=${urn}&year=2024/25&${filter}`, { dataset: 'by_dimension' }, testUser('slt', [urn]));
		expect(answer.rows.length).toBeGreaterThan(0);
	});

	it('is refused the Summary page filtered to a group under the threshold', async () => {
		const { load } = await import('../../src/routes/+page.server');
		const urn = schools[0];
		const [filter] = await smallGroups(urn);
		const url = new URL(`http://localhost/?school=${urn}&year=2024/25&${filter}`);
		const { resolveFilters } = await import('../../src/lib/server/filters');
		const user = testUser('governor', [urn]);
		const parent = async () => ({ filters: await resolveFilters(url, warehouse, user) });
		const status = await Promise.resolve()
			.then(() => load({ url, parent, locals: { user } } as never))
			.then(() => 200, (e: { status?: number }) => e.status ?? 500);
		expect(status).toBe(403);
	});

	it('sees only its own school: every answer without a school is its school’s, another school’s is refused', async () => {
		const [mine, other] = schools;
		const user = testUser('governor', [mine]);
		for (const { view, name } of aggregates) {
			if (view === 'impact') continue; // computed per school the same way; slow
			const answer = await callArrow(handlers[view]!, `/api/${view}/${name}?year=2024/25&${EXTRA[`${view}/${name}`] ?? ''}`, { dataset: name }, user);
			for (const row of answer.rows) if ('school_urn' in row && row.school_urn !== null) expect(row.school_urn).toBe(mine);
			expect(await statusOf(handlers[view]!, `/api/${view}/${name}?school=${other}`, { dataset: name }, user)).toBe(403);
		}
	});

	it('is not offered a group under the threshold in the filter bar', async () => {
		const { load } = await import('../../src/routes/+layout.server');
		const urn = schools[0];
		const url = new URL(`http://localhost/?school=${urn}&year=2024/25`);
		const governor = (await load({ url, locals: { user: testUser('governor', [urn]) } } as never)) as { cohorts: { pupils: number }[] };
		const slt = (await load({ url, locals: { user: testUser('slt', [urn]) } } as never)) as { cohorts: { pupils: number }[] };
		expect(slt.cohorts.some((c) => c.pupils < THRESHOLD)).toBe(true);
		expect(governor.cohorts.filter((c) => c.pupils < THRESHOLD)).toEqual([]);
	});
});
