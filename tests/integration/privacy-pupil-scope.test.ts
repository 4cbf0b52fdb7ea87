// Every query about one pupil is held to the schools of the user asking: a pupil on roll at two schools is
// seen at each by that school's staff only — marks, amendments, interventions (their notes, staff and
// history), enrolments — in the datasets and in the pupil page's own data.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/lib/catalog/datasets';
import { importFile } from '../../src/lib/server/ingest';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { sqlDir } from '../../src/lib/server/warehouse/paths';
import { callArrow, testUser } from '../helpers/api';
import { upn } from '../helpers/upn';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

const NORTH = 140001;
const SOUTH = 140002;
const A = upn('873402199001');
let warehouse: Warehouse;

beforeAll(async () => {
	warehouse = await freshWarehouse();
	process.env.ATTENDANCE_DB = warehouse.path;
	await importFile(warehouse, tempFile('schools.csv', `URN,Name\n${NORTH},North\n${SOUTH},South\n`));
	// at North in September, at South in October; an amendment at each
	await importFile(warehouse, tempFile('north.csv', `UPN,Date,Session,Mark\n${A},2024-09-09,AM,/\n${A},2024-09-09,PM,N\n`), { school: NORTH });
	await importFile(warehouse, tempFile('south.csv', `UPN,Date,Session,Mark\n${A},2024-10-07,AM,/\n${A},2024-10-07,PM,N\n`), { school: SOUTH });
	await importFile(warehouse, tempFile('north-2.csv', `UPN,Date,Session,Mark\n${A},2024-09-09,PM,I\n`), { school: NORTH });
	await importFile(warehouse, tempFile('south-2.csv', `UPN,Date,Session,Mark\n${A},2024-10-07,PM,O\n`), { school: SOUTH });
	await importFile(
		warehouse,
		tempFile(
			'interventions.csv',
			`UPN,URN,Type,StartDate,Notes,Staff\n${A},${NORTH},Letter 1,2024-09-10,north-note,north-staff\n${A},${SOUTH},Family support,2024-10-08,referred to children's social care (south-note),south-staff\n`
		)
	);
});

/** The SQL files under sql/ that take a pupil ($upn) to read about them. */
function perPupilFiles(): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const path = join(dir, entry);
			if (statSync(path).isDirectory()) walk(path);
			else if (path.endsWith('.sql') && /\$upn\b/.test(readFileSync(path, 'utf8').replace(/--[^\n]*/g, ''))) out.push(relative(sqlDir, path));
		}
	};
	walk(sqlDir);
	return out.sort();
}

describe('queries about one pupil', () => {
	it('are every one held to the schools of the user asking (in_scope with $schools)', () => {
		// writes name their school and are checked by their handler; auth/pupil_schools is the scope check itself
		const exempt = (f: string) => f.startsWith('commands/') || f.startsWith('bench/') || f === 'auth/pupil_schools.sql';
		const files = perPupilFiles().filter((f) => !exempt(f));
		expect(files.length).toBeGreaterThanOrEqual(9);
		for (const f of files) expect(readFileSync(join(sqlDir, f), 'utf8'), f).toMatch(/in_scope\([^)]*\$schools/);
	});

	it('give a school’s staff that school’s rows only, in every pupil dataset', async () => {
		const { GET } = await import('../../src/routes/api/pupil/[upn]/[dataset]/+server');
		for (const [mine, other] of [[NORTH, SOUTH], [SOUTH, NORTH]]) {
			const officer = testUser('officer', [mine, 999999]);
			for (const name of Object.keys(DATASETS.pupil)) {
				const answer = await callArrow(GET, `/api/pupil/${A}/${name}?school=${mine}&from=2024-09-01&to=2025-08-31`, { upn: A, dataset: name }, officer);
				const text = JSON.stringify(answer.rows);
				for (const row of answer.rows) if (row.school_urn !== null && row.school_urn !== undefined) expect(row.school_urn, `${name} for ${mine}`).toBe(mine);
				expect(text).not.toContain(other === NORTH ? 'north-' : 'south-');
			}
		}
		// an admin sees both
		const all = await callArrow(GET, `/api/pupil/${A}/interventions?from=2024-09-01&to=2025-08-31`, { upn: A, dataset: 'interventions' });
		expect(all.rows.map((r) => r.school_urn).sort()).toEqual([NORTH, SOUTH]);
	});

	it('leave another school’s notes, staff and enrolments out of the pupil page', async () => {
		const { load } = await import('../../src/routes/pupils/[upn]/+page.server');
		const { resolveFilters } = await import('../../src/lib/server/filters');
		const officer = testUser('officer', [NORTH], true);
		const url = new URL(`http://localhost/pupils/${A}?school=${NORTH}&from=2024-09-01&to=2025-08-31`);
		const parent = async () => ({ filters: await resolveFilters(url, warehouse, officer) });
		const data = await load({ params: { upn: A }, url, parent, locals: { user: officer } } as never);
		const text = JSON.stringify(data);
		expect(text).toContain('north-note');
		expect(text).not.toContain('south-note');
		expect(text).not.toContain('south-staff');
		expect(text).not.toContain(String(SOUTH));
	});
});
