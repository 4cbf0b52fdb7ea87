// The one CSV writer (src/lib/csv.ts): formula injection neutralised, RFC 4180 quoting, numbers kept.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, toCsv } from '../../src/lib/csv';

/** An independent RFC 4180 reader: records of fields, quotes doubled inside quoted fields. */
function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let field = '';
	let record: string[] = [];
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') record.push(field), (field = '');
		else if (c === '\n') record.push(field), records.push(record), (record = []), (field = '');
		else field += c;
	}
	if (field !== '' || record.length) record.push(field), records.push(record);
	return records;
}

/** What a spreadsheet would run as a formula: a cell starting = + - @ tab or CR that is not just a number. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cell);

describe('csvField', () => {
	it.each([
		['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
		['=1+1', "'=1+1"],
		['+44 7700 900123', "'+44 7700 900123"],
		['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
		['@SUM(A1:A9)', "'@SUM(A1:A9)"],
		['\t=1+1', "'\t=1+1"],
		['\r=1+1', `"'\r=1+1"`],
		['O\'Brien', "O'Brien"],
		['Smith, Jo', '"Smith, Jo"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>']
	])('%j is written as %j', (value, written) => {
		expect(csvField(value)).toBe(written);
	});

	it('keeps numbers as numbers, negative ones and numeric text included', () => {
		expect(csvField(-3)).toBe('-3');
		expect(csvField(0.125)).toBe('0.125');
		expect(csvField(12n)).toBe('12');
		expect(csvField('-3')).toBe('-3');
		expect(csvField('+1.5')).toBe('+1.5');
		expect(csvField('-2e3')).toBe('-2e3');
		expect(csvField('-')).toBe("'-");
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
		expect(csvField(true)).toBe('true');
		expect(csvField(new Date(Date.UTC(2026, 10, 23)))).toBe('2026-11-23');
	});

	it('for any text: reads back as the text (or the text after a neutralising quote), and never as a formula', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", 'a', '1', ' ', '.', 'é') }), (text) => {
				const [[cell]] = parseCsv(csvField(text) + '\n');
				expect(cell === text || cell === `'${text}`).toBe(true);
				expect(runsAsFormula(cell)).toBe(false);
				if (runsAsFormula(text)) expect(cell).toBe(`'${text}`);
			}),
			{ numRuns: 2000, seed: 8 }
		);
	});
});

describe('toCsv', () => {
	it('writes a header and one line per row, each field through csvField', () => {
		const rows = [
			{ upn: 'A873402110012', name: '=HYPERLINK("x")', rate: -0.05 },
			{ upn: 'B873402110013', name: 'Lee, "Sam"', rate: null }
		];
		const text = toCsv(rows, ['upn', 'name', 'rate'], ['UPN', '@name', 'Rate']);
		expect(parseCsv(text)).toEqual([
			['UPN', "'@name", 'Rate'],
			['A873402110012', `'=HYPERLINK("x")`, '-0.05'],
			['B873402110013', 'Lee, "Sam"', '']
		]);
		expect(text.endsWith('\n')).toBe(true);
	});
});
