import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFiles, generateDemo } from '../../scripts/demo/generate';

// Checks the demo generator from the files it writes, as an importer would see them.

const OPTIONS = { pupils: 200, schools: 2, seed: 7 };

/** Codes that may only be recorded within dates (inclusive); the rest are valid at any date. */
const DATED_CODES: Record<string, { from?: string; to?: string }> = {
	K: { from: '2024-08-19' },
	C1: { from: '2024-08-19' },
	C2: { from: '2024-08-19' },
	J1: { from: '2024-08-19' },
	Q: { from: '2024-08-19' },
	Y1: { from: '2024-08-19' },
	Y2: { from: '2024-08-19' },
	Y3: { from: '2024-08-19' },
	Y4: { from: '2024-08-19' },
	Y5: { from: '2024-08-19' },
	Y6: { from: '2024-08-19' },
	Y7: { from: '2024-08-19' },
	J: { to: '2024-08-18' },
	H: { to: '2024-08-18' },
	Y: { to: '2024-08-18' },
	F: { to: '2013-08-31' }
};

const NATIONAL_CODES = new Set([
	'/', '\\', 'L', 'K', 'V', 'P', 'W', 'B', 'J', 'D', 'C1', 'M', 'J1', 'S', 'X', 'C2', 'C', 'T', 'R', 'I', 'E',
	'H', 'F', 'Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Y', 'G', 'N', 'O', 'U', 'Z', '#'
]);
const NOT_POSSIBLE = new Set(['#', 'Y', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'D', 'X', 'Z', 'Q']);
const ATTENDING = new Set(['/', '\\', 'L', 'K', 'V', 'P', 'W', 'B', 'J']);

const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

function upnIsValid(upn: string): boolean {
	if (!/^[A-Z]\d{12}$/.test(upn)) return false;
	let sum = 0;
	for (let pos = 2; pos <= 13; pos++) sum += Number(upn[pos - 1]) * pos;
	return upn[0] === CHECK_LETTERS[sum % 23];
}

function readCsv(file: string): { header: string; rows: string[][] } {
	const text = fs.readFileSync(file, 'utf8');
	expect(text.endsWith('\n')).toBe(true);
	expect(text.includes('\r')).toBe(false);
	const [header, ...lines] = text.slice(0, -1).split('\n');
	return { header, rows: lines.map((l) => l.split(',')) };
}

const isRegister = (f: string) => /^register-\d{6}-\d{4}-\d{2}\.csv$/.test(path.basename(f));
const isAmendments = (f: string) => /^register-amendments-\d{4}-\d{2}\.csv$/.test(path.basename(f));

let dirs: string[] = [];
let demo: DemoFiles;

beforeAll(async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-'));
	dirs.push(dir);
	demo = await generateDemo(dir, OPTIONS);
});

afterAll(() => {
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
	dirs = [];
});

describe('demo generator', () => {
	it('returns the files in import order', () => {
		const names = demo.files.map((f) => path.basename(f));
		expect(names.slice(0, 3)).toEqual(['schools.csv', 'term-dates.csv', 'pupils.csv']);
		expect(names.at(-1)).toBe('interventions.csv');
		const registers = names.filter((n) => isRegister(path.join(demo.dir, n)));
		expect(registers).toHaveLength(OPTIONS.schools * 3);
		const firstAmendments = names.findIndex((n) => n.startsWith('register-amendments-'));
		expect(firstAmendments).toBe(3 + registers.length);
		for (const f of demo.files) expect(fs.existsSync(f)).toBe(true);
	});

	it('writes one primary and one secondary with the pupil count asked for', () => {
		const schools = readCsv(demo.files[0]);
		expect(schools.header).toBe('URN,Name,LA,Estab,Phase');
		expect(schools.rows.map((r) => r[4]).sort()).toEqual(['Primary', 'Secondary']);
		for (const [urn, , la, estab] of schools.rows) {
			expect(urn).toMatch(/^\d{6}$/);
			expect(la).toMatch(/^\d{3}$/);
			expect(estab).toMatch(/^\d{4}$/);
		}
		const pupils = readCsv(demo.files[2]);
		expect(pupils.rows).toHaveLength(OPTIONS.pupils);
	});

	it('gives every pupil a UPN with the right check letter, unique across the trust', () => {
		const pupils = readCsv(demo.files[2]);
		const upns = pupils.rows.map((r) => r[1]);
		for (const upn of upns) expect(upnIsValid(upn), upn).toBe(true);
		expect(new Set(upns).size).toBe(upns.length);
		expect(upnIsValid('Z873402116000')).toBe(true);
	});

	it('only marks school days inside the term dates', () => {
		const terms = readCsv(demo.files[1]);
		expect(terms.header).toBe('academic_year,term,half_term,start_date,end_date');
		expect(terms.rows).toHaveLength(18);
		const halfTerms = terms.rows.map((r) => [r[3], r[4]]);
		const inTerm = (date: string) => halfTerms.some(([start, end]) => date >= start && date <= end);
		const problems: string[] = [];
		for (const file of demo.files.filter(isRegister)) {
			const dates = new Set(readCsv(file).rows.map((r) => r[2]));
			for (const date of dates) {
				const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
				if (dow === 0 || dow === 6) problems.push(`${date} is a weekend`);
				if (!inTerm(date)) problems.push(`${date} is outside the term dates`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('uses national codes, and dated codes only within their dates', () => {
		const markFiles = demo.files.filter((f) => isRegister(f) || isAmendments(f));
		expect(markFiles.filter(isAmendments).length).toBeGreaterThan(0);
		const seen = new Set<string>();
		const problems: string[] = [];
		for (const file of markFiles) {
			for (const row of readCsv(file).rows) {
				const [date, code] = [row[2], row[4]];
				if (!NATIONAL_CODES.has(code)) problems.push(`unknown code ${code}`);
				seen.add(code);
				const dates = DATED_CODES[code];
				if (dates && ((dates.from && date < dates.from) || (dates.to && date > dates.to))) {
					problems.push(`${code} on ${date} in ${path.basename(file)}`);
				}
			}
		}
		expect(problems).toEqual([]);
		// The demo spans the 2024 code change: pre-2024 and 2024 codes both appear.
		for (const code of ['Y', 'J', 'K', 'J1', 'I', 'N', 'L', '#']) expect(seen.has(code), code).toBe(true);
	});

	it('writes each pupil session once per register, sorted, with minutes late only for L and U', () => {
		const problems: string[] = [];
		for (const file of demo.files.filter(isRegister)) {
			const { header, rows } = readCsv(file);
			expect(header).toBe('URN,UPN,Date,Session,Mark,Minutes Late');
			const keys = new Set<string>();
			let previous = '';
			for (const [, upn, date, session, code, minutes] of rows) {
				const key = `${date},${session},${upn}`;
				if (keys.has(key)) problems.push(`${key} repeated`);
				if (key <= previous) problems.push(`${key} out of order`);
				keys.add(key);
				previous = key;
				if (session !== 'AM' && session !== 'PM') problems.push(`${key}: session ${session}`);
				const late = code === 'L' || code === 'U';
				if (late ? !/^\d+$/.test(minutes) : minutes !== '') problems.push(`${key}: ${code} with minutes '${minutes}'`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('is deterministic: the same seed gives identical files', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-'));
		dirs.push(dir);
		const again = await generateDemo(dir, OPTIONS);
		expect(again.files.map((f) => path.basename(f))).toEqual(demo.files.map((f) => path.basename(f)));
		expect(again.marks).toBe(demo.marks);
		for (let i = 0; i < demo.files.length; i++) {
			expect(fs.readFileSync(again.files[i], 'utf8') === fs.readFileSync(demo.files[i], 'utf8'), demo.files[i]).toBe(true);
		}
	});

	it('has a realistic overall absence rate', () => {
		let possible = 0;
		let absent = 0;
		let marks = 0;
		for (const file of demo.files.filter(isRegister)) {
			for (const row of readCsv(file).rows) {
				marks++;
				const code = row[4];
				if (NOT_POSSIBLE.has(code)) continue;
				possible++;
				if (!ATTENDING.has(code)) absent++;
			}
		}
		expect(marks).toBe(demo.marks);
		const rate = absent / possible;
		expect(rate).toBeGreaterThan(0.04);
		expect(rate).toBeLessThan(0.11);
	});
});
