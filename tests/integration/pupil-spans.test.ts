// filtered_pupil_spans (whole weeks from pupil_week_totals, the partial weeks' days from pupil_day_totals)
// gives every pupil the same session counts as filtered_pupil_days over any range: short ones inside a week,
// ones starting or ending at a weekend, and whole terms; with and without the year-group filter.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/generate';
import { importFile } from '../../src/lib/server/ingest';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, rows } from '../helpers/warehouse';

let warehouse: Warehouse;

beforeAll(async () => {
	warehouse = await freshWarehouse();
	const { files } = await generateDemo(mkdtempSync(join(tmpdir(), 'lens-spans-')), { pupils: 60, schools: 2, seed: 5 });
	for (const file of files) await importFile(warehouse, file);
}, 120_000);

const day = (base: string, plus: number) => new Date(Date.parse(base) + plus * 86_400_000).toISOString().slice(0, 10);

it('equals the pupil-days over ranges of every length and starting weekday', async () => {
	const [{ first }] = await rows(warehouse, `SELECT strftime(min(date), '%Y-%m-%d') AS first FROM pupil_day_totals`);
	const ranges: [string, string][] = [];
	for (let start = 0; start < 7; start++) for (const length of [0, 1, 4, 6, 7, 8, 13, 20, 90, 400]) ranges.push([day(first as string, 20 + start), day(first as string, 20 + start + length)]);
	const perPupil = (macro: string, from: string, to: string, filter = '') => `SELECT school_urn, pupil_id, sum(sessions) AS sessions, sum(possible) AS possible,
		sum(present) AS present, sum(aea) AS aea, sum(authorised) AS authorised, sum(unauthorised) AS unauthorised, sum(missing) AS missing,
		sum(illness) AS illness, sum(late) AS late, sum(late_after_close) AS late_after_close
		FROM ${macro}(DATE '${from}', DATE '${to}', NULL${filter}) GROUP BY ALL`;
	let compared = 0;
	for (const [from, to] of ranges)
		for (const filter of ['', `, year_group := 'Year 3'`]) {
			const spans = perPupil('filtered_pupil_spans', from, to, filter);
			const days = perPupil('filtered_pupil_days', from, to, filter);
			const differ = await rows(warehouse, `(${spans} EXCEPT ALL ${days}) UNION ALL (${days} EXCEPT ALL ${spans})`);
			expect(differ, `${from} to ${to}${filter}`).toEqual([]);
			const [{ n }] = await rows(warehouse, `SELECT count(*) AS n FROM (${days})`);
			compared += n as number;
		}
	expect(compared).toBeGreaterThan(1_000);
});
