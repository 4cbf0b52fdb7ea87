/**
 * Bad input: every file in tests/fixtures/bad/ is a few valid sample rows with one defect. Each must be
 * rejected whole with an ImportRejected that names the file, the exact line (or the CTF pupil) and a
 * reason specific to the defect, and must leave the warehouse exactly as it was.
 *
 * The binary fixtures (Windows-1252, UTF-16) are written by tests/fixtures/bad/make-binary-fixtures.mjs.
 */
import { withRawConnection } from '../../scripts/dev/raw';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../src/lib/server/warehouse';
import { importFile, ImportRejected, type ImportOptions } from '../../src/lib/server/ingest';

const BAD = join(import.meta.dirname, '../fixtures/bad');
import { SAMPLES } from '../helpers/warehouse';
const SCHOOL = 140512;

const TABLES = ['schools', 'pupils', 'marks', 'mark_history', 'imports', 'enrolments', 'interventions', 'term_dates'];

type Fingerprint = Record<string, { rows: number; checksum: string }>;

/** Every table's row count and an order-independent checksum of its rows. */
async function fingerprint(warehouse: Warehouse): Promise<Fingerprint> {
	return withRawConnection(warehouse, async (conn) => {
		const result: Fingerprint = {};
		for (const table of TABLES) {
			const [row] = (
				await conn.runAndReadAll(
					`SELECT count(*)::INTEGER AS n, coalesce(sum(hash(t)), 0)::VARCHAR AS checksum FROM ${table} t`
				)
			).getRowObjectsJS();
			result[table] = { rows: row.n as number, checksum: row.checksum as string };
		}
		return result;
	});
}

/** Imports a fixture expecting it to be rejected; returns the ImportRejected. */
async function rejection(warehouse: Warehouse, fixture: string, options: ImportOptions = {}): Promise<ImportRejected> {
	const outcome = await importFile(warehouse, join(BAD, fixture), options).then(
		(result) => result,
		(error: unknown) => error
	);
	if (!(outcome instanceof ImportRejected))
		throw new Error(`${fixture} was not rejected: ${outcome instanceof Error ? outcome.stack : JSON.stringify(outcome)}`);
	return outcome;
}

interface Case {
	fixture: string;
	/** The line the problem is on; undefined where a problem has no line (an empty file). */
	line: number | undefined;
	pupil?: string;
	reason: RegExp;
	options?: ImportOptions;
}

const school = { school: SCHOOL };

/** One defect each: a single problem, on this line, for this pupil, for this reason. */
const CASES: Case[] = [
	// codes
	{ fixture: 'long-unknown-code.csv', line: 4, pupil: 'H873402110007', reason: /^unknown attendance code 'A'$/, options: school },
	{
		fixture: 'long-h-withdrawn.csv',
		line: 3,
		pupil: 'A873402111013',
		reason: /^code H \(.*\) is not valid on 2024-09-03: it was withdrawn after 2024-08-18\b/,
		options: school
	},
	{
		fixture: 'long-y4-too-early.csv',
		line: 5,
		pupil: 'J873402111001',
		reason: /^code Y4 \(.*\) is not valid on 2023-09-07: it is in use only from 2024-08-19; before then the code was Y$/,
		options: school
	},
	{
		fixture: 'long-j-after-2024.csv',
		line: 3,
		pupil: 'A873402111013',
		reason: /^code J \(.*\) is not valid on 2024-09-05: it was withdrawn after 2024-08-18.*\bfrom then on use J1$/,
		options: school
	},
	// UPNs
	{
		fixture: 'long-upn-check-letter.csv',
		line: 3,
		pupil: 'B873402111013',
		reason: /^UPN 'B873402111013' has the wrong check letter \(its digits give A\)$/,
		options: school
	},
	{
		fixture: 'long-upn-length.csv',
		line: 4,
		pupil: 'H87340211007',
		reason: /^UPN 'H87340211007' is not a check letter followed by 12 digits$/,
		options: school
	},
	// dates and sessions
	{
		fixture: 'long-bad-date.csv',
		line: 3,
		pupil: 'A873402111013',
		reason: /^date '2023\/09\/07' is not a date \(expected YYYY-MM-DD or DD\/MM\/YYYY\)$/,
		options: school
	},
	{
		fixture: 'long-weekend.csv',
		line: 4,
		pupil: 'A873402110012',
		reason: /^date 2023-09-09 is a Saturday: registers are not taken at weekends$/,
		options: school
	},
	{ fixture: 'long-bad-session.csv', line: 5, pupil: 'J873402111001', reason: /^session 'Lunch' is not AM or PM$/, options: school },
	{
		fixture: 'long-duplicate-session.csv',
		line: 6,
		pupil: 'Z873402119003',
		reason: /^pupil-session 2023-09-07 AM is listed more than once with different marks \(I, N\) \(first listed on line 4\)$/,
		options: school
	},
	// the shape of the file
	{
		fixture: 'long-truncated.csv',
		line: 4,
		reason: /part-way through this line \(2 of 4 fields, no line end\).*truncated/,
		options: school
	},
	{ fixture: 'empty.csv', line: undefined, reason: /^the file is empty \(0 bytes\)$/, options: school },
	{ fixture: 'long-header-only.csv', line: 1, reason: /^the file has a header but no rows$/, options: school },
	{ fixture: 'long-too-many-fields.csv', line: 4, reason: /^expected 4 fields \(as in the header\), found 5: is there an unquoted comma or a trailing comma\?$/, options: school },
	{ fixture: 'long-too-few-fields.csv', line: 4, reason: /^expected 4 fields \(as in the header\), found 3$/, options: school },
	{ fixture: 'unknown-header.csv', line: 1, reason: /^cannot tell what this file is from its header \(Pupil, Day, Half, Attendance\)/ },
	// encodings
	{ fixture: 'pupils-windows-1252.csv', line: 3, reason: /^the file is not UTF-8 \(it looks like Windows-1252/ },
	{ fixture: 'long-utf16.csv', line: 1, reason: /^the file is UTF-16 encoded \(or binary\); save it as UTF-8/, options: school },
	// CTF
	{
		fixture: 'ctf-totals-disagree.xml',
		line: 41,
		pupil: 'A873402111013',
		reason: /^the marks do not add up to the totals: SessionsAuthorised is 15 but the marks give 14$/
	},
	{
		fixture: 'ctf-not-well-formed.xml',
		line: 20,
		reason: /^the XML is not well formed: .*closing tag 'Surname'.*'Surnme'/
	},
	// wide register, pupils, term dates
	{
		fixture: 'wide-one-mark.csv',
		line: 3,
		pupil: 'A873402111013',
		reason: /^cell '\/' in column 03\/09\/2024 should hold two marks, AM and PM/,
		options: school
	},
	{ fixture: 'pupils-sen-x.csv', line: 4, pupil: 'U873402122002', reason: /^SEN 'X' is not N, K or E$/ },
	{ fixture: 'term-dates-end-before-start.csv', line: 3, reason: /^end date 2023-11-06 is before start date 2023-12-15$/ },
	// found as importer bugs, now fixed: preflight counts every record's fields and tracks quotes
	{ fixture: 'long-trailing-comma.csv', line: 4, reason: /^expected 4 fields \(as in the header\), found 5: is there an unquoted comma/, options: school },
	{ fixture: 'pupils-unquoted-comma.csv', line: 3, reason: /^expected 4 fields \(as in the header\), found 5/ },
	{ fixture: 'long-unclosed-quote.csv', line: 3, reason: /^a quoted field that starts on this line is never closed/, options: school },
	{ fixture: 'interventions-multiline-note.csv', line: 4, pupil: 'X873402122004', reason: /^start date '2024-13-19' is not a date$/ },
	{ fixture: 'long-utf16-no-bom.csv', line: 1, reason: /UTF-16/, options: school },
	// found by the fuzz test (reliability-fuzz.test.ts): DuckDB's reader failed on mixed line ends
	{ fixture: 'long-mixed-line-ends.csv', line: 5, reason: /^this line ends with a Unix line end \(LF\) but the lines before it with Windows line ends \(CRLF\)/, options: school }
];

let dir: string;
let warehouse: Warehouse;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'attendance-lens-bad-input-'));
	warehouse = await Warehouse.open(join(dir, 'warehouse.duckdb'));
	// A baseline that fills every table, so "unchanged" is tested against a warehouse with data in it.
	await importFile(warehouse, join(SAMPLES, 'register-long-2023-24.csv'), school);
	await importFile(warehouse, join(SAMPLES, 'pupils.csv'));
	await importFile(warehouse, join(SAMPLES, 'register-long-2024-25-autumn.csv'), school);
	await importFile(warehouse, join(SAMPLES, 'register-amendments-2025-01.csv'), school);
	await importFile(warehouse, join(SAMPLES, 'interventions.csv'));
	await importFile(warehouse, join(SAMPLES, 'term-dates.csv'));
});

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Imports the fixture, checks the rejection names file, line, pupil and reason, and that nothing changed. */
async function expectRejected(target: Warehouse, { fixture, line, pupil, reason, options }: Case): Promise<void> {
	const before = await fingerprint(target);
	const error = await rejection(target, fixture, options);

	expect(error.file).toBe(fixture);
	expect(error.message.startsWith(`${fixture} was rejected (1 problem); nothing from it was imported.\n`)).toBe(true);
	expect(error.totalProblems).toBe(1);
	expect(error.problems).toHaveLength(1);
	const [problem] = error.problems;
	expect(problem.line).toBe(line);
	expect(problem.pupil).toBe(pupil);
	expect(problem.reason).toMatch(reason);
	const where = [line !== undefined ? `line ${line}` : '', pupil ? `pupil ${pupil}` : ''].filter(Boolean).join(', ');
	expect(error.message).toContain(`\n  ${fixture}${where ? `, ${where}` : ''}: ${problem.reason}`);

	expect(await fingerprint(target)).toEqual(before);
}

describe('bad input is rejected whole, naming file, line and reason', () => {
	it('the baseline warehouse has rows in every table', async () => {
		const print = await fingerprint(warehouse);
		for (const table of TABLES) expect(print[table].rows, table).toBeGreaterThan(0);
	});

	it.each(CASES)('$fixture', async (c) => {
		await expectRejected(warehouse, c);
	});

	it('reports every problem of a file with three, each with its line', async () => {
		const fixture = 'long-three-problems.csv';
		const before = await fingerprint(warehouse);
		const error = await rejection(warehouse, fixture, school);

		expect(error.file).toBe(fixture);
		expect(error.totalProblems).toBe(3);
		expect(error.problems).toEqual([
			{ line: 3, pupil: 'A873402111013', reason: expect.stringMatching(/^unknown attendance code 'Q9'$/) },
			{ line: 5, pupil: 'J873402111001', reason: expect.stringMatching(/^date 2023-09-10 is a Sunday: registers are not taken at weekends$/) },
			{ line: 7, pupil: 'U873402122002', reason: expect.stringMatching(/^session 'Eve' is not AM or PM$/) }
		]);
		const lines = error.message.split('\n');
		expect(lines[0]).toBe(`${fixture} was rejected (3 problems); nothing from it was imported.`);
		expect(lines.slice(1).map((l) => /^ {2}long-three-problems\.csv, line (\d+), pupil /.exec(l)?.[1])).toEqual(['3', '5', '7']);

		expect(await fingerprint(warehouse)).toEqual(before);
	});
});

describe('a long register with no school', () => {
	let bare: Warehouse;

	beforeAll(async () => {
		// A warehouse with pupils but no school: a register without a URN column cannot say whose it is.
		bare = await Warehouse.open(join(dir, 'no-school.duckdb'));
		await importFile(bare, join(SAMPLES, 'pupils.csv'));
	});

	it('is rejected when neither the file nor the options name a school and the warehouse has none', async () => {
		const [{ schools }] = await withRawConnection(bare, async (conn) =>
			(await conn.runAndReadAll('SELECT count(*)::INTEGER AS schools FROM schools')).getRowObjectsJS()
		);
		expect(schools).toBe(0);
		expect((await fingerprint(bare)).pupils.rows).toBeGreaterThan(0);

		await expectRejected(bare, {
			fixture: 'long-no-school.csv',
			line: undefined,
			reason: /^the file does not say which school it is for \(no URN column\) and the warehouse holds 0 schools/
		});
	});
});

describe('the fixtures are the bytes they claim to be', () => {
	const bytes = (name: string) => readFileSync(join(BAD, name));

	it('empty.csv is 0 bytes', () => {
		expect(bytes('empty.csv')).toHaveLength(0);
	});

	it('long-truncated.csv ends mid-row with no line end', () => {
		expect(bytes('long-truncated.csv').toString('utf8').endsWith('H873402110007,2023-0')).toBe(true);
	});

	it('pupils-windows-1252.csv holds "Zoë" as the single byte 0xEB on line 3', () => {
		const b = bytes('pupils-windows-1252.csv');
		const at = b.indexOf(0xeb);
		expect(at).toBeGreaterThan(0);
		expect(b.subarray(at - 2, at).toString('latin1')).toBe('Zo');
		expect(b.subarray(0, at).toString('latin1').split('\n')).toHaveLength(3);
	});

	it('long-utf16.csv is UTF-16 LE with a byte-order mark; long-utf16-no-bom.csv the same without it', () => {
		const withBom = bytes('long-utf16.csv');
		expect([...withBom.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x55, 0x00]); // BOM, "U"
		expect(bytes('long-utf16-no-bom.csv').equals(withBom.subarray(2))).toBe(true);
	});
});
