import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importFile } from '../../src/lib/server/ingest';
import { runReport } from '../../src/lib/server/reports';
import { freshWarehouse, SAMPLES } from '../helpers/warehouse';
import { callArrow, statusOf } from '../helpers/api';

// The app's warehouse is the file ATTENDANCE_DB names: a fresh one with the samples in it.
let GET: typeof import('../../src/routes/api/summary/[dataset]/+server').GET;

beforeAll(async () => {
	const w = await freshWarehouse();
	for (const f of ['register-long-2023-24.csv', 'register-long-2024-25-autumn.csv', 'pupils.csv'])
		await importFile(w, join(SAMPLES, f), { school: 140512 });
	process.env.ATTENDANCE_DB = w.path;
	({ GET } = await import('../../src/routes/api/summary/[dataset]/+server'));
});

describe('/api/summary/[dataset]', () => {
	it('answers in Arrow IPC with the same figures as the CLI report', async () => {
		const answer = await callArrow(GET, '/api/summary/weekday?year=2023/24', { dataset: 'weekday' });
		expect(answer.contentType).toBe('application/vnd.apache.arrow.stream');
		expect(answer.columns).toEqual(['weekday', 'session', 'possible_sessions', 'absent_sessions', 'absence_rate']);
		const { Warehouse } = await import('../../src/lib/server/warehouse');
		const report = await runReport(await Warehouse.open(process.env.ATTENDANCE_DB), 'weekday', { from: '2023-09-01', to: '2024-08-31' });
		expect(answer.rows).toEqual(report.rows);
	});

	it('applies the cohort filter', async () => {
		const all = await callArrow(GET, '/api/summary/weekday?year=2023/24', { dataset: 'weekday' });
		const fsm = await callArrow(GET, '/api/summary/weekday?year=2023/24&cohort=fsm:FSM%20eligible', { dataset: 'weekday' });
		const possible = (a: typeof all) => a.rows.reduce((s, r) => s + (r.possible_sessions as number), 0);
		expect(possible(fsm)).toBeGreaterThan(0);
		expect(possible(fsm)).toBeLessThan(possible(all));
	});

	it('refuses unknown datasets and malformed filters', async () => {
		expect(await statusOf(GET, '/api/summary/nothing', { dataset: 'nothing' })).toBe(404);
		expect(await statusOf(GET, '/api/summary/weekday?from=2024-13-01', { dataset: 'weekday' })).toBe(400);
		expect(await statusOf(GET, '/api/summary/weekday?cohort=shoe:size', { dataset: 'weekday' })).toBe(400);
		expect(await statusOf(GET, '/api/summary/weekday?school=abc', { dataset: 'weekday' })).toBe(400);
	});
});
