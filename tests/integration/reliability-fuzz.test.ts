// Property-based test of every importer: mutated copies of the sample files (lines deleted, duplicated
// or swapped; a field replaced by random text; a date corrupted; quotes and commas inserted; the file
// truncated; bytes that are not UTF-8; a BOM) are imported one after another into one warehouse. Each
// import either lands exactly the marks the file holds (worked out here by a parser of our own) or is
// rejected with an ImportRejected naming the file and, for each problem, a line (or a CTF pupil) and a
// reason; a rejection leaves the warehouse's fingerprint unchanged. Seeded and bounded (< 60 s).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile, ImportRejected } from '../../src/lib/server/ingest';
import type { Warehouse } from '../../src/lib/server/warehouse';
import { fingerprint, freshWarehouse, rows, SAMPLES, tempFile } from '../helpers/warehouse';

const SCHOOL = 140512;
// FUZZ_SCALE=10 FUZZ_SEED=n for a longer hunt; the suite's runs are seeded and bounded
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
let warehouse: Warehouse;

// ---- mutations -------------------------------------------------------------------------------------

type Mutation =
	| { op: 'delete' | 'duplicate'; line: number }
	| { op: 'swap'; line: number; other: number }
	| { op: 'field'; line: number; field: number; text: string }
	| { op: 'date'; line: number; text: string }
	| { op: 'insert'; at: number; text: string }
	| { op: 'truncate'; at: number }
	| { op: 'bytes'; at: number; bytes: readonly number[] }
	| { op: 'bom' };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const junk = fc.string({ unit: fc.constantFrom('"', ',', ' ', 'A', 'Z', '9', '/', '\\', '#', '-', '=', '\t', 'é', '<', '>', '&'), maxLength: 6 });
const badDate = fc.constantFrom('2023-02-30', '31/31/2023', '2023-9-4', 'yesterday', '', '2023-09-09', '1899-01-02', '04/09/23', '2024-13-01');
// line edits that can leave a valid file are drawn more often, so that many runs land and are checked mark by mark
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	{ arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), line: fraction }), weight: 4 },
	{ arbitrary: fc.record({ op: fc.constant('swap' as const), line: fraction, other: fraction }), weight: 3 },
	{ arbitrary: fc.record({ op: fc.constant('field' as const), line: fraction, field: fraction, text: fc.oneof(junk, fc.constantFrom('Q', 'X', 'H', 'Y4', 'J', 'B', '/', '\\', 'I', 'am', 'P')) }), weight: 3 },
	fc.record({ op: fc.constant('date' as const), line: fraction, text: badDate }),
	fc.record({ op: fc.constant('insert' as const), at: fraction, text: fc.constantFrom('"', ',', '""', '\n', '\r\n', ',,', '\n\n') }),
	fc.record({ op: fc.constant('truncate' as const), at: fraction }),
	fc.record({ op: fc.constant('bytes' as const), at: fraction, bytes: fc.constantFrom([0xe9], [0xff], [0xc3], [0x00, 0x41], [0x96]) }),
	fc.constant({ op: 'bom' as const })
);

/** Line `f` (a fraction of the lines, never the header unless `header`). */
const pick = (lines: string[], f: number, header = false) => (header ? 0 : 1) + Math.floor(f * (lines.length - (header ? 0 : 1)));

function mutate(original: Buffer, mutations: Mutation[]): Buffer {
	let bytes = original;
	for (const m of mutations) {
		if (m.op === 'truncate') bytes = bytes.subarray(0, Math.max(1, Math.floor(m.at * bytes.length)));
		else if (m.op === 'bytes') {
			const at = Math.floor(m.at * bytes.length);
			bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
		} else if (m.op === 'bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
		else if (m.op === 'insert') {
			const text = bytes.toString('latin1');
			const at = Math.floor(m.at * text.length);
			bytes = Buffer.from(text.slice(0, at) + m.text + text.slice(at), 'latin1');
		} else {
			// line edits, on the text as bytes (latin1 keeps any byte as it is)
			const lines = bytes.toString('latin1').split('\n');
			if (lines.length < 2) continue;
			const i = pick(lines, m.line);
			if (m.op === 'delete') lines.splice(i, 1);
			else if (m.op === 'duplicate') lines.splice(i, 0, lines[i]);
			else if (m.op === 'swap') {
				const j = pick(lines, m.other, true);
				[lines[i], lines[j]] = [lines[j], lines[i]];
			} else if (m.op === 'field') {
				const fields = lines[i].split(',');
				fields[Math.floor(m.field * fields.length)] = Buffer.from(m.text, 'utf8').toString('latin1'); // the text as UTF-8 bytes
				lines[i] = fields.join(',');
			} else if (m.op === 'date') lines[i] = lines[i].replace(/\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}/, m.text);
			bytes = Buffer.from(lines.join('\n'), 'latin1');
		}
	}
	return bytes;
}

// ---- our own reading of a register file ------------------------------------------------------------

/** RFC 4180 records of a CSV text (quotes doubled inside quoted fields; blank lines skipped). */
function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let field = '';
	let record: string[] = [];
	let quoted = false;
	let any = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') (quoted = true), (any = true);
		else if (c === ',') record.push(field), (field = ''), (any = true);
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			if (any || field !== '') record.push(field), records.push(record);
			(record = []), (field = ''), (any = false);
		} else (field += c), (any = true);
	}
	if (any || field !== '') record.push(field), records.push(record);
	return records;
}

function isoDate(text: string): string | null {
	const t = text.trim();
	let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
	if (m) return valid(+m[1], +m[2], +m[3]);
	m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
	if (m) return valid(+m[3], +m[2], +m[1]);
	return null;
}
function valid(y: number, mo: number, d: number): string | null {
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
}
const SESSIONS: Record<string, string> = { AM: 'AM', A: 'AM', MORNING: 'AM', PM: 'PM', P: 'PM', AFTERNOON: 'PM' };

/** A header cell as the importer matches it: lower case, letters and digits only ("Pupil UPN" → "pupilupn"). */
const headerKey = (cell: string) => cell.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The marks a register file holds, as "UPN date session" → code; null when we cannot read it as one. */
function expectedMarks(kind: string, text: string): Map<string, string> | null {
	const records = parseCsv(text.replace(/^\uFEFF/, ''));
	const [header, ...data] = records;
	const marks = new Map<string, string>();
	if (kind === 'register-long') {
		const col = (name: string) => header.findIndex((h) => headerKey(h) === name);
		const [u, d, s, c] = ['upn', 'date', 'session', 'mark'].map(col);
		if ([u, d, s, c].includes(-1)) return null;
		for (const r of data) {
			const date = isoDate(r[d] ?? '');
			const session = SESSIONS[(r[s] ?? '').trim().toUpperCase()];
			if (!date || !session) return null;
			marks.set(`${r[u].trim()} ${date} ${session}`, r[c].trim());
		}
		return marks;
	}
	if (kind === 'register-wide') {
		const dates = header.map((h) => isoDate(h));
		const u = header.findIndex((h) => headerKey(h) === 'upn');
		if (u === -1) return null;
		for (const r of data)
			r.forEach((cell, i) => {
				const date = dates[i];
				if (!date || cell.trim() === '') return;
				const [am, pm] = cell.trim().split(/\s+/);
				marks.set(`${r[u].trim()} ${date} AM`, am);
				if (pm !== undefined) marks.set(`${r[u].trim()} ${date} PM`, pm);
			});
		return marks;
	}
	return null;
}

/** The warehouse's marks of the school, as "UPN date session" → code. */
async function warehouseMarks(): Promise<Map<string, string>> {
	const all = await rows(warehouse, `SELECT p.upn, m.date, m.session::VARCHAR AS session, m.code::VARCHAR AS code FROM marks m JOIN pupils p USING (pupil_id) WHERE m.school_urn = ${SCHOOL}`);
	return new Map(all.map((r) => [`${r.upn} ${r.date} ${r.session}`, r.code as string]));
}

// ---- the property ----------------------------------------------------------------------------------

const tally: Record<string, { loaded: number; identical: number; rejected: number }> = {};

/** Imports a mutated copy of `sample` and checks the outcome; throws (failing the run) on any breach. */
async function check(sample: string, kind: string, mutations: Mutation[]): Promise<void> {
	const bytes = mutate(readFileSync(join(SAMPLES, sample)), mutations);
	const name = `fuzz-${sample}`;
	const path = tempFile(name, bytes);
	const before = await fingerprint(warehouse);
	const marksBefore = await warehouseMarks();
	const t = (tally[kind] ??= { loaded: 0, identical: 0, rejected: 0 });
	let result;
	try {
		result = await importFile(warehouse, path, { school: SCHOOL });
	} catch (e) {
		// a rejection: a clear error naming the file, and for each problem a line or a pupil and a reason
		if (!(e instanceof ImportRejected)) throw new Error(`not a rejection but ${(e as Error).stack}`);
		expect(e.file).toBe(name);
		expect(e.message).toContain(name);
		expect(e.problems.length).toBeGreaterThan(0);
		for (const p of e.problems) {
			expect(p.reason.trim().length, e.message).toBeGreaterThan(3);
			if (bytes.length === 0) expect(p.reason).toMatch(/empty/); // a file of no bytes has no line to name
			else if (kind === 'ctf') expect(p.line !== undefined || p.pupil !== undefined || e.problems.length === 1, e.message).toBe(true);
			else expect(p.line, e.message).toBeGreaterThanOrEqual(1);
		}
		// and the warehouse never changes on a rejection
		expect(await fingerprint(warehouse)).toEqual(before);
		t.rejected++;
		if (process.env.FUZZ_DEBUG) console.log(kind, JSON.stringify(mutations.map((m) => m.op)), e.problems[0].reason.slice(0, 80));
		return;
	}
	if (result.status === 'identical') {
		expect(await fingerprint(warehouse)).toEqual(before);
		t.identical++;
		return;
	}
	t.loaded++;
	expect(result.file).toBe(name);
	const expected = expectedMarks(kind, bytes.toString('utf8'));
	const after = await warehouseMarks();
	if (expected) {
		// exactly the file's marks: each held with the file's code, and nothing else changed
		const held = [...expected].filter(([key, code]) => after.get(key) !== code);
		expect(held.slice(0, 5), `marks of ${name} not held as in the file`).toEqual([]);
		expect(result.added + result.amended + result.unchanged).toBe(expected.size);
		for (const [key, code] of marksBefore) if (!expected.has(key)) expect(after.get(key), key).toBe(code);
		expect(after.size).toBe(marksBefore.size + result.added);
	} else if (kind === 'ctf' || kind.startsWith('register')) {
		expect(after.size).toBe(marksBefore.size + result.added);
	}
}

const files: [sample: string, kind: string, runs: number][] = [
	['register-long-2023-24.csv', 'register-long', 70],
	['register-wide-2024-25-autumn.csv', 'register-wide', 40],
	['ctf-2023-24.xml', 'ctf', 30],
	['pupils.csv', 'pupils', 30],
	['interventions.csv', 'interventions', 30]
];

beforeAll(async () => {
	warehouse = await freshWarehouse();
	for (const f of ['term-dates.csv', 'pupils.csv', 'register-long-2023-24.csv', 'interventions.csv'])
		await importFile(warehouse, join(SAMPLES, f), { school: SCHOOL });
});

describe('mutated sample files: imported exactly or rejected clearly, the warehouse untouched on rejection', () => {
	for (const [sample, kind, runs] of files)
		it(`${sample} (${runs} seeded runs)`, async () => {
			await fc.assert(
				fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => check(sample, kind, mutations)),
				{ numRuns: runs * SCALE, seed: SEED, endOnFailure: true }
			);
			console.log(`${sample}: ${JSON.stringify(tally[kind])}`);
		});
});
