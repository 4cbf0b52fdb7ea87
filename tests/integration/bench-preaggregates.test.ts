// The pre-aggregates (sql/schema/040_pre_aggregates.sql, 041_school_code_totals.sql, 042_pupil_week_totals.sql) stay equal to what the
// marks say: after imports that add and amend marks, after re-importing a school's register over itself, and
// after the retention purge deletes a year's marks. Each is recomputed here straight from the marks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/generate';
import { importFile } from '../../src/lib/server/ingest';
import { retentionPurge } from '../../src/lib/server/auth/retention';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, rows, tempFile } from '../helpers/warehouse';

let warehouse: Warehouse;
let files: string[];

beforeAll(async () => {
	warehouse = await freshWarehouse();
	files = (await generateDemo(mkdtempSync(join(tmpdir(), 'lens-preagg-')), { pupils: 80, schools: 2, seed: 11 })).files;
	for (const file of files) await importFile(warehouse, file);
}, 120_000);

/** The rows of each pre-aggregate that differ from a recomputation from the marks (none when they agree). */
async function differences(): Promise<Record<string, unknown[]>> {
	const pupilDays = `SELECT m.school_urn, m.pupil_id, m.date, count(*) AS sessions,
			count(*) FILTER (WHERE c.counts_in_possible) AS possible, count(*) FILTER (WHERE c.category = 'present') AS present,
			count(*) FILTER (WHERE c.category = 'aea') AS aea, count(*) FILTER (WHERE c.category = 'authorised') AS authorised,
			count(*) FILTER (WHERE c.category = 'unauthorised') AS unauthorised, count(*) FILTER (WHERE m.code::VARCHAR IN ('G', 'N', 'O')) AS missing,
			count(*) FILTER (WHERE m.code::VARCHAR = 'I') AS illness, count(*) FILTER (WHERE m.code::VARCHAR = 'L') AS late,
			count(*) FILTER (WHERE m.code::VARCHAR = 'U') AS late_after_close
		FROM marks m JOIN codes c ON c.code = m.code GROUP BY ALL`;
	const held = `SELECT school_urn, pupil_id, date, sessions, possible, present, aea, authorised, unauthorised, missing, illness, late, late_after_close FROM pupil_day_totals`;
	const schoolDays = `SELECT school_urn, date, count(*) FILTER (WHERE c.counts_in_possible) AS possible_sessions FROM marks m JOIN codes c ON c.code = m.code GROUP BY ALL`;
	const codes = `SELECT school_urn, date, session::VARCHAR AS session, code::VARCHAR AS code, count(*) AS sessions FROM marks GROUP BY ALL`;
	const heldCodes = `SELECT school_urn, date, session::VARCHAR, code::VARCHAR, sessions FROM school_code_totals`;
	const pupilWeeks = `SELECT m.school_urn, m.pupil_id, date_trunc('week', m.date)::DATE AS week, count(DISTINCT m.date) AS days,
			count(*) AS sessions, count(*) FILTER (WHERE c.counts_in_possible) AS possible,
			count(*) FILTER (WHERE c.category = 'present') AS present, count(*) FILTER (WHERE c.category = 'aea') AS aea,
			count(*) FILTER (WHERE c.category = 'authorised') AS authorised, count(*) FILTER (WHERE c.category = 'unauthorised') AS unauthorised,
			count(*) FILTER (WHERE m.code::VARCHAR IN ('G', 'N', 'O')) AS missing, count(*) FILTER (WHERE m.code::VARCHAR = 'I') AS illness,
			count(*) FILTER (WHERE m.code::VARCHAR = 'L') AS late, count(*) FILTER (WHERE m.code::VARCHAR = 'U') AS late_after_close,
			min(m.date) FILTER (WHERE c.counts_in_possible) AS first_possible, max(m.date) FILTER (WHERE c.counts_in_possible) AS last_possible
		FROM marks m JOIN codes c ON c.code = m.code GROUP BY ALL`;
	const heldWeeks = `SELECT school_urn, pupil_id, week, days, sessions, possible, present, aea, authorised, unauthorised, missing, illness,
		late, late_after_close, first_possible, last_possible FROM pupil_week_totals`;
	const both = (a: string, b: string) => `(${a} EXCEPT ALL ${b}) UNION ALL (${b} EXCEPT ALL ${a})`;
	return {
		pupil_day_totals: await rows(warehouse, both(pupilDays, held)),
		school_day_totals: await rows(warehouse, both(schoolDays, 'SELECT school_urn, date, possible_sessions FROM school_day_totals')),
		school_code_totals: await rows(warehouse, both(codes, heldCodes)),
		pupil_week_totals: await rows(warehouse, both(pupilWeeks, heldWeeks))
	};
}

describe('pre-aggregates', () => {
	it('equal the marks after a demo trust with amendments is imported', async () => {
		const [{ amended }] = await rows(warehouse, 'SELECT count(*) AS amended FROM mark_history');
		expect(amended).toBeGreaterThan(0);
		const [{ n }] = await rows(warehouse, 'SELECT count(*) AS n FROM pupil_day_totals');
		expect(n).toBeGreaterThan(1000);
		expect(await differences()).toEqual({ pupil_day_totals: [], school_day_totals: [], school_code_totals: [], pupil_week_totals: [] });
	});

	it('follow an amendment that turns a whole school day from present to a closure (no longer a school day)', async () => {
		const [day] = await rows(warehouse, `SELECT m.school_urn, p.upn, strftime(m.date, '%Y-%m-%d') AS date FROM marks m JOIN pupils p USING (pupil_id)
			WHERE m.code::VARCHAR = '/' ORDER BY m.date DESC, p.upn LIMIT 1`);
		const pupils = await rows(warehouse, `SELECT p.upn FROM marks m JOIN pupils p USING (pupil_id)
			WHERE m.school_urn = ${day.school_urn} AND m.date = DATE '${day.date}' GROUP BY p.upn`);
		const csv = ['URN,UPN,Date,Session,Mark', ...pupils.flatMap((p) => ['AM', 'PM'].map((s) => `${day.school_urn},${p.upn},${day.date},${s},#`))].join('\n');
		const result = await importFile(warehouse, tempFile('closure.csv', `${csv}\n`));
		expect(result.amended).toBeGreaterThan(0);
		const [after] = await rows(warehouse, `SELECT possible_sessions FROM school_day_totals WHERE school_urn = ${day.school_urn} AND date = DATE '${day.date}'`);
		expect(after.possible_sessions).toBe(0);
		expect(await differences()).toEqual({ pupil_day_totals: [], school_day_totals: [], school_code_totals: [], pupil_week_totals: [] });
	});

	it('equal the marks after the retention purge deletes the oldest year', async () => {
		const before = await rows(warehouse, 'SELECT count(*) AS n FROM marks');
		// keep 2 years counted back from a day in August 2027: the first academic year's marks go
		await retentionPurge(warehouse, 2, 'cli', null, new Date('2027-08-31T12:00:00Z'));
		const after = await rows(warehouse, 'SELECT count(*) AS n FROM marks');
		expect(after[0].n).toBeLessThan(before[0].n as number);
		expect(await differences()).toEqual({ pupil_day_totals: [], school_day_totals: [], school_code_totals: [], pupil_week_totals: [] });
	});
});
