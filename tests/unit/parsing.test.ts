import { describe, expect, it } from 'vitest';
import { CsvHeader, splitCsvLine } from '../../src/lib/server/ingest/csv';
import { splitMarks } from '../../src/lib/server/ingest/ctf';
import { preflight, lineOfRow } from '../../src/lib/server/ingest/preflight';
import { ImportRejected } from '../../src/lib/server/ingest/problems';
import { isLongRegister } from '../../src/lib/server/ingest/register-long';
import { dateColumns, isWideRegister } from '../../src/lib/server/ingest/register-wide';
import { tempFile } from '../helpers/warehouse';

describe('CSV header', () => {
	it('splits quoted fields', () => {
		expect(splitCsvLine('a,"b,c","d ""e"""')).toEqual(['a', 'b,c', 'd "e"']);
	});

	it('recognises the MIS variants of a long register header', () => {
		for (const line of ['UPN,Date,Session,Mark', 'Pupil UPN,Session Date,AM/PM,Code', 'Pupil UPN,Session Date,AM/PM,Attendance Mark'])
			expect(isLongRegister(CsvHeader.parse(line)), line).toBe(true);
		expect(isLongRegister(CsvHeader.parse('UPN,Forename,Surname'))).toBe(false);
	});

	it('finds the date columns of a wide grid', () => {
		const header = CsvHeader.parse('UPN,Surname,Forename,Year,02/09/2024,03/09/2024');
		expect(isWideRegister(header)).toBe(true);
		expect(dateColumns(header)).toEqual([
			{ position: 5, text: '02/09/2024' },
			{ position: 6, text: '03/09/2024' }
		]);
	});

	it('reads a tab-separated header', () => {
		expect(CsvHeader.parse('UPN\tDate\tSession\tMark').delimiter).toBe('\t');
	});
});

describe('CTF marks string', () => {
	it('splits one mark per session, keeping the 2024 two-character codes whole', () => {
		expect(splitMarks('/\\Y4Y4#-C2J1I')).toEqual(['/', '\\', 'Y4', 'Y4', '#', '-', 'C2', 'J1', 'I']);
	});
});

describe('preflight', () => {
	it('maps data rows to file lines across blank lines and quoted line breaks', async () => {
		// Windows line ends throughout, a Unix one inside the quoted field (as Excel writes them)
		const file = await preflight(tempFile('a.csv', 'h,n\r\nr1,a\r\n\r\nr2,"two\nlines"\r\nr3,b\r\n\r\n'));
		expect(file.lines).toBe(7);
		expect(file.endsWithNewline).toBe(true);
		expect(file.lastLine).toBe('r3,b');
		expect([1, 2, 3].map((row) => lineOfRow(file, row))).toEqual([2, 4, 6]);
	});

	it('rejects a record with more or fewer fields than the header, naming its line', async () => {
		await expect(preflight(tempFile('f.csv', 'a,b,c\n1,2,3\n1,2,3,\n1,2\n'))).rejects.toSatisfy(
			(e: ImportRejected) =>
				e.problems.map((p) => `${p.line}:${p.reason.slice(0, 27)}`).join('|') ===
				'3:expected 3 fields (as in th|4:expected 3 fields (as in th'
		);
	});

	it('rejects a quote that is never closed', async () => {
		await expect(preflight(tempFile('q.csv', 'a,b\n1,"x\n2,3\n'))).rejects.toThrow(/line 2: a quoted field .* never closed/);
	});

	it('names the first line that is not UTF-8', async () => {
		const bytes = Buffer.concat([Buffer.from('UPN,Forename\nA1,Zo'), Buffer.from([0xeb]), Buffer.from('\n')]);
		await expect(preflight(tempFile('w.csv', bytes))).rejects.toSatisfy(
			(e: ImportRejected) => e.problems[0].line === 2 && /not UTF-8/.test(e.problems[0].reason)
		);
	});

	it('rejects an empty file', async () => {
		await expect(preflight(tempFile('e.csv', ''))).rejects.toThrow(/empty/);
	});
});
