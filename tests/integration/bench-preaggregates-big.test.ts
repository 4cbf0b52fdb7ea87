// The pre-aggregates after the reliability tests' import (a year re-imported with its illnesses now
// unauthorised, plus the next year's first 120 days in the same file): equal to the marks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest';
import { freshWarehouse, rows, SAMPLES } from '../helpers/warehouse';
import { writeBigRegister } from './reliability-register';

it('pupil_day_totals equal the marks after amending a year and adding the next in one file', async () => {
	const w = await freshWarehouse();
	const dir = mkdtempSync(join(tmpdir(), 'lens-preagg-big-'));
	await importFile(w, join(SAMPLES, 'register-long-2023-24.csv'), { school: 140512 });
	await importFile(w, join(SAMPLES, 'pupils.csv'), { school: 140512 });
	const year1 = join(dir, 'y1.csv');
	await writeBigRegister(year1, 200 * 380, { pupils: 200 });
	await importFile(w, year1, { school: 140512 });
	const change = join(dir, 'change.csv');
	await writeBigRegister(change, 200 * 380, { pupils: 200, code: (p, d) => ((p + d) % 13 === 0 ? ['O', 'O'] : ['/', '\\']) });
	const next = join(dir, 'next.csv');
	await writeBigRegister(next, 200 * 240, { pupils: 200, start: '2024-09-02', code: (p, d) => ((p + d) % 7 === 0 ? ['M', 'M'] : ['/', '\\']) });
	const { appendFileSync, readFileSync } = await import('node:fs');
	appendFileSync(change, readFileSync(next, 'utf8').split('\n').slice(1).join('\n'));
	const before = await rows(w, `SELECT count(*) AS n, sum(authorised + unauthorised) AS absent FROM pupil_day_totals WHERE date < DATE '2024-09-01'`);
	await importFile(w, change, { school: 140512 });
	const after = await rows(w, `SELECT count(*) AS n, sum(authorised + unauthorised) AS absent FROM pupil_day_totals WHERE date < DATE '2024-09-01'`);
	const fromMarks = await rows(w, `SELECT count(DISTINCT (school_urn, pupil_id, date)) AS n, count(*) FILTER (WHERE c.category IN ('authorised', 'unauthorised')) AS absent
		FROM marks m JOIN codes c ON c.code = m.code WHERE date < DATE '2024-09-01'`);
	expect({ before, after }).toEqual({ before: fromMarks, after: fromMarks });
}, 120_000);
