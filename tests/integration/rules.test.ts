// The rules of the figures live once, in sql/rules (issue 14, "One definition"): every figure that counts
// persistently and severely absent pupils asks is_persistent / is_severe, so the CLI's summary, the Overview's
// year, the LA return and the bands list give the same counts for the same school and year; and the thresholds
// are written nowhere else in sql/.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/generate';
import { importFile } from '../../src/lib/server/ingest';
import { runReport } from '../../src/lib/server/reports';
import { buildLaExport } from '../../src/lib/server/exports/la';
import { runList } from '../../src/lib/server/lists';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, rows } from '../helpers/warehouse';

const SQL = join(__dirname, '..', '..', 'sql');

let warehouse: Warehouse;
/** Every school × academic year with marks: URN, label ('2024/25'), first and last day of the year. */
let cases: { school: number; year: string; from: string; to: string }[];

beforeAll(async () => {
	warehouse = await freshWarehouse();
	const demo = await generateDemo(mkdtempSync(join(tmpdir(), 'lens-rules-')), { pupils: 300, schools: 2, seed: 14 });
	for (const [i, file] of demo.files.entries()) await importFile(warehouse, file, { next: demo.files[i + 1] });
	cases = (await rows(warehouse, `
		SELECT DISTINCT school_urn AS school, academic_year_label(date) AS year,
			strftime(academic_year_start(date), '%Y-%m-%d') AS "from",
			strftime(academic_year_start(date) + INTERVAL 1 YEAR - INTERVAL 1 DAY, '%Y-%m-%d') AS "to"
		FROM school_day_totals ORDER BY ALL`)) as typeof cases;
}, 180_000);

/** Persistent and severe enrolments straight from the marks and the national code table, the thresholds written out here. */
async function fromMarks(c: (typeof cases)[number], onRollOn: string | null = null) {
	const [counted] = await rows(warehouse, `
		WITH e AS (
			SELECT m.pupil_id,
				count(*) FILTER (WHERE c.category::VARCHAR <> 'not_possible') AS possible,
				count(*) FILTER (WHERE c.category::VARCHAR IN ('authorised', 'unauthorised')) AS absent
			FROM marks m JOIN codes c ON c.code = m.code
			WHERE m.school_urn = ${c.school} AND m.date BETWEEN DATE '${c.from}' AND DATE '${c.to}'
				${onRollOn ? `AND m.pupil_id IN (SELECT pupil_id FROM on_roll(DATE '${onRollOn}', school := ${c.school}))` : ''}
			GROUP BY m.pupil_id
			HAVING count(*) FILTER (WHERE c.category::VARCHAR <> 'not_possible') > 0
		)
		SELECT count(*)::INTEGER AS pupils,
			(count(*) FILTER (WHERE absent * 10 >= possible))::INTEGER AS persistent,
			(count(*) FILTER (WHERE absent * 2 >= possible))::INTEGER AS severe
		FROM e`);
	return counted as { pupils: number; persistent: number; severe: number };
}

describe('persistent and severe absence, one rule', () => {
	it('give the same counts in the summary, the Overview year, the LA return and the bands list', async () => {
		expect(cases.length).toBeGreaterThanOrEqual(4);
		let persistentSeen = 0;
		let severeSeen = 0;
		for (const c of cases) {
			const expected = await fromMarks(c);
			// a casework list holds only the pupils on roll on its date (sql/rules/on_roll.sql, issue 16): the year's
			// leavers are counted by the year's measures, not by the bands list as of its last day
			const onRoll = await fromMarks(c, c.to);
			persistentSeen += expected.persistent;
			severeSeen += expected.severe;

			// report summary (src/lib/server/reports → sql/reports/summary.sql → school_summary → pupil_absence)
			const [summary] = (await runReport(warehouse, 'summary', { from: c.from, to: c.to, school: c.school })).rows;
			// the Overview's year grain (sql/datasets/overview/periods.sql)
			const overview = await warehouse.read('datasets/overview/periods', {
				from: c.from, to: c.to, school: c.school, year_start: c.from,
				year_group: null, cohort_dimension: null, cohort_value: null, grains: 'year'
			});
			const year = overview.find((r) => r.grain === 'year' && r.academic_year === c.year);
			// the LA return (src/lib/server/exports/la.ts → sql/exports/la_rows.sql), full academic year, nothing withheld
			const la = await buildLaExport(warehouse, { year: c.year, term: null, school: c.school, nationalCohort: false, threshold: 1 });
			const total = la.rows.find((r) => r.breakdown === 'Total');
			// the bands list (sql/lists/bands.sql) on the year's last day, default cut-offs (persistent at or below 90%)
			const bands = (await runList(warehouse, 'bands', { on: c.to, school: c.school })).rows;
			const inBand = (...names: string[]) => bands.filter((r) => names.includes(r.band as string)).length;

			const label = `${c.school} ${c.year}`;
			expect({ label, pupils: summary.pupils, persistent: summary.persistent_pupils, severe: summary.severe_pupils }).toEqual({ label, ...expected });
			expect({ label, pupils: year?.pupils, persistent: year?.persistent_pupils, severe: year?.severe_pupils }).toEqual({ label, ...expected });
			expect({ label, pupils: total?.enrolments, persistent: total?.enrolments_pa_10_exact, severe: total?.enrolments_pa_50_exact }).toEqual({
				label,
				...expected
			});
			expect({ label, pupils: bands.length, persistent: inBand('persistent', 'severe'), severe: inBand('severe') }).toEqual({ label, ...onRoll });
		}
		// the demo has pupils on both sides of both thresholds
		expect(persistentSeen).toBeGreaterThan(0);
		expect(severeSeen).toBeGreaterThan(0);
	}, 120_000);
});

/** Every .sql file below a folder, as paths relative to sql/. */
function sqlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sqlFiles(path);
		return name.endsWith('.sql') ? [relative(SQL, path)] : [];
	});
}

/** The SQL without its comments (-- to the end of the line, outside quoted text). */
function code(text: string): string {
	return text.replace(/('(?:[^']|'')*')|--[^\n]*/g, (match, quoted: string | undefined) => quoted ?? '');
}

/** The absence thresholds written as integer comparisons (x * 10 >= y, y <= x * 2) or as fractions (0.1, 0.5, 0.9, 10%). */
const THRESHOLDS = [
	/\*\s*(10|2)\s*>=/,
	/<=\s*[^\n,;]*?\*\s*(10|2)\b/,
	/(?<![\d.])0?\.(1|10|5|50|9|90)(?![\d])/,
	/(?<![\d.])(10|50|90)(\.0+)?\s*(\/\s*100(\.0+)?\b|%)/
];

describe('the absence thresholds', () => {
	it('are written in sql/rules and nowhere else in sql/ (but the SQLite baseline of sql/bench/sqlite)', () => {
		const files = sqlFiles(SQL);
		expect(files.length).toBeGreaterThan(100);
		const found: string[] = [];
		for (const file of files) {
			if (file.startsWith('rules/') || file.startsWith('bench/sqlite/')) continue;
			const lines = code(readFileSync(join(SQL, file), 'utf8')).split('\n');
			lines.forEach((line, i) => {
				if (THRESHOLDS.some((t) => t.test(line))) found.push(`${file}:${i + 1}: ${line.trim()}`);
			});
		}
		expect(found).toEqual([]);
		// …and the rules do write them
		const rules = code(readFileSync(join(SQL, 'rules', 'absence_thresholds.sql'), 'utf8'));
		expect(rules).toMatch(/is_persistent\(absent, possible\) AS possible > 0 AND absent \* 10 >= possible/);
		expect(rules).toMatch(/is_severe\(absent, possible\) AS possible > 0 AND absent \* 2 >= possible/);
	});
});
