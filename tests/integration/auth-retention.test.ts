// Retention on a hand-built register: the dry run counts exactly what the purge then deletes (by table and
// academic year), changes nothing itself, and the purge writes an audit entry.
import { withRawConnection } from '../../scripts/dev/raw';
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { importFile } from '../../src/lib/server/ingest';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { cutoffDate, retentionDryRun, retentionPurge, retentionYears, saveRetentionYears } from '../../src/lib/server/auth/retention';
import { fingerprint, freshWarehouse, rows, tempFile } from '../helpers/warehouse';
import { upn } from '../helpers/upn';

const A = upn('873400126101');
const B = upn('873400126102');
const SCHOOL = 100001;
const TODAY = new Date('2026-11-23T12:00:00Z');

// Register import R1 (today):  A 2023-11-20 AM / PM \   (2023/24)
//                              A 2023-11-23 AM /        (2023/24, made on the 3-year cut-off day: kept)
//                              A 2022-06-06 AM O        (2021/22; amended today by R3: kept, its latest entry is new)
//                              B 2021-03-01 AM / PM \   (2020/21)
// Register import R2 (backdated to 2019-09-03): B 2019-09-02 AM O, PM \   (2019/20)
// Amendments R3 (today): A 2022-06-06 AM → I; B 2019-09-02 AM → I (that amendment backdated to 2019-09-10).
//
// 3 years (cut-off 2023-11-23): sessions going: A 2023-11-20 ×2, B 2021-03-01 ×2, B 2019-09-02 ×2 → 6 marks
//   (2019/20: 2, 2020/21: 2, 2023/24: 2), 1 amendment (2019/20), 1 import record (R2, its marks all gone,
//   started 2019/20). Kept: A 2023-11-23 AM, A 2022-06-06 AM (+ its amendment), imports R1, R3, pupils.
// 6 years (cut-off 2020-11-23): only B 2019-09-02 ×2 → 2 marks, 1 amendment, R2.
let w: Warehouse;
let r2: number;

beforeAll(async () => {
	w = await freshWarehouse();
	const opts = { school: SCHOOL };
	await importFile(w, tempFile('pupils.csv', `UPN,Forename,Surname\n${A},Ada,Lovelace\n${B},Ben,Stone\n`), opts);
	const r1 = [
		'UPN,Date,Session,Mark',
		`${A},2023-11-20,AM,/`, `${A},2023-11-20,PM,\\`, `${A},2023-11-23,AM,/`, `${A},2022-06-06,AM,O`,
		`${B},2021-03-01,AM,/`, `${B},2021-03-01,PM,\\`
	];
	await importFile(w, tempFile('register.csv', r1.join('\n') + '\n'), opts);
	r2 = (await importFile(w, tempFile('old.csv', `UPN,Date,Session,Mark\n${B},2019-09-02,AM,O\n${B},2019-09-02,PM,\\\n`), opts)).importId;
	await importFile(w, tempFile('amend.csv', `UPN,Date,Session,Mark\n${A},2022-06-06,AM,I\n${B},2019-09-02,AM,I\n`), opts);
	await withRawConnection(w, async (conn) => {
		await conn.run(`UPDATE imports SET started_at = TIMESTAMP '2019-09-03 16:00:00' WHERE import_id = ${r2}`);
		await conn.run("UPDATE mark_history SET changed_at = TIMESTAMP '2019-09-10 08:30:00' WHERE date = DATE '2019-09-02'");
	});
	expect((await rows(w, 'SELECT count(*) AS n FROM marks'))[0].n).toBe(8);
	expect((await rows(w, 'SELECT count(*) AS n FROM mark_history'))[0].n).toBe(2);
});

describe('retention', () => {
	it('counts from the day the entry was made, 6 years by default and settable', async () => {
		expect(cutoffDate(6, TODAY)).toBe('2020-11-23');
		expect(cutoffDate(3, TODAY)).toBe('2023-11-23');
		expect(cutoffDate(1, new Date('2028-02-29T00:00:00Z'))).toBe('2027-03-01');
		expect(await retentionYears(w)).toBe(6);
		await saveRetentionYears(w, 3, 'test');
		expect(await retentionYears(w)).toBe(3);
		await expect(saveRetentionYears(w, 0, 'test')).rejects.toThrow(/whole number/);
	});

	it('dry run: counts by table and academic year, and changes nothing', async () => {
		const before = await fingerprint(w);
		const six = await retentionDryRun(w, 6, TODAY);
		expect(six.counts).toEqual([
			{ table: 'imports', academic_year: '2019/20', entries: 1 },
			{ table: 'mark_history', academic_year: '2019/20', entries: 1 },
			{ table: 'marks', academic_year: '2019/20', entries: 2 }
		]);
		const three = await retentionDryRun(w, 3, TODAY);
		expect(three.cutoff).toBe('2023-11-23');
		expect(three.counts).toEqual([
			{ table: 'imports', academic_year: '2019/20', entries: 1 },
			{ table: 'mark_history', academic_year: '2019/20', entries: 1 },
			{ table: 'marks', academic_year: '2019/20', entries: 2 },
			{ table: 'marks', academic_year: '2020/21', entries: 2 },
			{ table: 'marks', academic_year: '2023/24', entries: 2 }
		]);
		expect(three.totals).toEqual({ marks: 6, mark_history: 1, imports: 1 });
		expect(await fingerprint(w)).toEqual(before);
	});

	it('purge: deletes exactly what the dry run counted, in one transaction, with an audit entry', async () => {
		const done = await retentionPurge(w, 3, 'cli', null, TODAY);
		expect(done.totals).toEqual({ marks: 6, mark_history: 1, imports: 1 });
		expect(await rows(w, 'SELECT p.upn, m.date, m.session::VARCHAR AS session, m.code::VARCHAR AS code FROM marks m JOIN pupils p USING (pupil_id) ORDER BY m.date')).toEqual([
			{ upn: A, date: '2022-06-06', session: 'AM', code: 'I' },
			{ upn: A, date: '2023-11-23', session: 'AM', code: '/' }
		]);
		expect(await rows(w, 'SELECT date, previous_code::VARCHAR AS previous_code FROM mark_history')).toEqual([{ date: '2022-06-06', previous_code: 'O' }]);
		expect((await rows(w, 'SELECT import_id FROM imports WHERE import_id = ' + r2)).length).toBe(0);
		expect((await rows(w, 'SELECT count(*) AS n FROM imports'))[0].n).toBe(3); // pupils, R1, amendments
		expect((await rows(w, 'SELECT count(*) AS n FROM pupils'))[0].n).toBe(2);
		const [entry] = await rows(w, "SELECT user_name, action, target FROM audit_log WHERE action = 'retention purge'");
		expect(entry).toMatchObject({ user_name: 'cli', action: 'retention purge' });
		expect(String(entry.target)).toContain('deleted 6 marks, 1 amendments, 1 import records');
		// nothing more to go
		expect((await retentionDryRun(w, 3, TODAY)).counts).toEqual([]);
	});

	it('the CLI prints the dry run and purges with --purge', () => {
		const db = w.path;
		// the warehouse file is open in this process: the CLI works on a copy (the purge checkpointed it)
		const copy = `${db}.cli.duckdb`;
		execFileSync('cp', [db, copy]);
		const out = execFileSync('npx', ['tsx', 'scripts/cli.ts', 'retention', '--years', '1', '--db', copy], { encoding: 'utf8' });
		expect(out).toMatch(/Retention period: 1 years: entries made before \d{4}-\d{2}-\d{2} would be deleted\./);
		// left after the purge above: A 2023-11-23 (past a year, going) and A 2022-06-06, amended today (kept);
		// R1 stays as the amendment's previous import
		expect(out).toContain('marks\t2023/24\t1\n');
		expect(out).toContain('This was a dry run');
		const purged = execFileSync('npx', ['tsx', 'scripts/cli.ts', 'retention', '--years', '1', '--purge', '--db', copy], { encoding: 'utf8' });
		expect(purged).toMatch(/were deleted/);
		expect(purged).toContain('In all: 1 marks, 0 amendments (mark_history), 0 import records.');
		const again = execFileSync('npx', ['tsx', 'scripts/cli.ts', 'retention', '--years', '1', '--db', copy], { encoding: 'utf8' });
		expect(again).toContain('Nothing is past the period.');
	});
});
