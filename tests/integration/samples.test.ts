import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { runReport } from '../../src/lib/server/reports';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { fingerprint, freshWarehouse, rows, SAMPLES } from '../helpers/warehouse';

const SCHOOL = 140512; // Sample Academy, as its CTF header says
const sample = (name: string) => join(SAMPLES, name);
const YEAR_2023_24 = { from: '2023-09-01', to: '2024-08-31' };
const AUTUMN_2024 = { from: '2024-09-01', to: '2024-12-31' };

async function warehouseWith(...files: string[]): Promise<Warehouse> {
	const w = await freshWarehouse();
	for (const f of files) await importFile(w, sample(f), { school: SCHOOL });
	return w;
}

/** Every mark as 'UPN date session code', sorted. */
async function markList(w: Warehouse, from: string, to: string): Promise<string[]> {
	const r = await rows(
		w,
		`SELECT p.upn || ' ' || strftime(m.date, '%Y-%m-%d') || ' ' || m.session || ' ' || m.code AS mark
		FROM marks m JOIN pupils p USING (pupil_id) WHERE m.date BETWEEN DATE '${from}' AND DATE '${to}' ORDER BY mark`
	);
	return r.map((x) => x.mark as string);
}

describe('the shared samples', () => {
	it('every sample imports, each kind detected from its content', async () => {
		const w = await freshWarehouse();
		const expected: [string, string][] = [
			['ctf-2023-24.xml', 'ctf'],
			['pupils.csv', 'pupils'],
			['term-dates.csv', 'term-dates'],
			['interventions.csv', 'interventions'],
			['register-long-2023-24.csv', 'register-long'],
			['register-long-2024-25-autumn.csv', 'register-long'],
			['register-wide-2024-25-autumn.csv', 'register-wide'],
			['register-amendments-2025-01.csv', 'register-long']
		];
		for (const [file, kind] of expected) {
			const result = await importFile(w, sample(file), { school: SCHOOL });
			expect(result.kind, file).toBe(kind);
			expect(result.status, file).toBe('loaded');
		}
		const [counts] = await rows(
			w,
			`SELECT (SELECT count(*) FROM pupils) AS pupils, (SELECT count(*) FROM term_dates) AS half_terms,
			(SELECT count(*) FROM interventions) AS interventions, (SELECT count(*) FROM schools) AS schools,
			(SELECT count(*) FROM pupils WHERE sen IS NOT NULL AND ethnicity IS NOT NULL) AS with_characteristics`
		);
		expect(counts).toEqual({ pupils: 14, half_terms: 12, interventions: 11, schools: 1, with_characteristics: 14 });
		// no export gave admission dates: each pupil's time on roll runs from their first to last mark
		const spans = await rows(
			w,
			`SELECT count(*) AS n, count(*) FILTER (WHERE inferred_start AND inferred_end) AS inferred, min(start_date) AS first, max(end_date) AS last
			FROM enrolment_spans`
		);
		expect(spans).toEqual([{ n: 14, inferred: 14, first: '2023-09-04', last: '2024-12-20' }]);
	});

	it('the long register and the CTF of 2023/24 give identical pupil reports', async () => {
		const long = await warehouseWith('register-long-2023-24.csv');
		const ctf = await warehouseWith('ctf-2023-24.xml');
		const fromLong = await runReport(long, 'pupils', YEAR_2023_24);
		const fromCtf = await runReport(ctf, 'pupils', YEAR_2023_24);
		expect(fromLong.rows).toHaveLength(14);
		expect(fromCtf.rows).toEqual(fromLong.rows);
		// The CTF also has a '#' for a weekday with no session inside a taught week (a bank holiday),
		// which the long export leaves out; every other mark is the same.
		const longMarks = await markList(long, YEAR_2023_24.from, YEAR_2023_24.to);
		const ctfMarks = await markList(ctf, YEAR_2023_24.from, YEAR_2023_24.to);
		expect(longMarks.every((m) => ctfMarks.includes(m))).toBe(true);
		expect(ctfMarks.filter((m) => !longMarks.includes(m)).every((m) => m.endsWith(' #'))).toBe(true);
	});

	it('the long and wide registers of autumn 2024 hold the same marks', async () => {
		const long = await warehouseWith('register-long-2024-25-autumn.csv');
		const wide = await warehouseWith('register-wide-2024-25-autumn.csv');
		expect(await markList(wide, AUTUMN_2024.from, AUTUMN_2024.to)).toEqual(await markList(long, AUTUMN_2024.from, AUTUMN_2024.to));
		expect((await runReport(wide, 'pupils', AUTUMN_2024)).rows).toEqual((await runReport(long, 'pupils', AUTUMN_2024)).rows);
	});

	it('the amendments file changes exactly the sessions it lists, keeping old and new code in history', async () => {
		const w = await warehouseWith('register-long-2023-24.csv', 'register-long-2024-25-autumn.csv');
		const before = await markList(w, '2023-09-01', '2025-08-31');
		const result = await importFile(w, sample('register-amendments-2025-01.csv'), { school: SCHOOL });
		const after = await markList(w, '2023-09-01', '2025-08-31');

		const listed = readFileSync(sample('register-amendments-2025-01.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
		const key = (m: string) => m.split(' ').slice(0, 3).join(' ');
		const changedBefore = before.filter((m) => !after.includes(m));
		const changedAfter = after.filter((m) => !before.includes(m));
		expect(changedAfter.sort()).toEqual(listed.map(([upn, date, session, mark]) => `${upn} ${date} ${session} ${mark}`).sort());
		expect(changedBefore.map(key).sort()).toEqual(changedAfter.map(key).sort());
		expect(result.amended).toBe(listed.length);
		expect(result.added).toBe(0);

		const history = await rows(
			w,
			`SELECT p.upn, strftime(h.date, '%Y-%m-%d') AS date, h.session::VARCHAR AS session, h.previous_code::VARCHAR AS old, h.new_code::VARCHAR AS new
			FROM mark_history h JOIN pupils p USING (pupil_id) ORDER BY ALL`
		);
		expect(history).toHaveLength(listed.length);
		for (const [upn, date, session, mark] of listed) {
			const old = changedBefore.find((m) => key(m) === `${upn} ${date} ${session}`)!.split(' ')[3];
			expect(history).toContainEqual({ upn, date, session, old, new: mark });
		}
	});

	it('re-importing an identical file changes nothing and says so', async () => {
		const w = await warehouseWith('register-long-2023-24.csv');
		const before = await fingerprint(w);
		const again = await importFile(w, sample('register-long-2023-24.csv'), { school: SCHOOL });
		expect(again.status).toBe('identical');
		expect(again.message).toMatch(/identical to import #1.*nothing changed/);
		expect(await fingerprint(w)).toEqual(before);
	});

	it('the same marks in a different file are counted unchanged', async () => {
		const w = await warehouseWith('register-long-2024-25-autumn.csv');
		const before = await markList(w, AUTUMN_2024.from, AUTUMN_2024.to);
		const wide = await importFile(w, sample('register-wide-2024-25-autumn.csv'), { school: SCHOOL });
		expect([wide.added, wide.amended, wide.unchanged]).toEqual([0, 0, before.length]);
		expect(await rows(w, 'SELECT count(*) AS n FROM mark_history')).toEqual([{ n: 0 }]);
	});
});
