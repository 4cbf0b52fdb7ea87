import { describe, expect, it } from 'vitest';
import { importFile, ImportRejected } from '../../src/lib/server/ingest';
import { freshWarehouse, tempFile } from '../helpers/warehouse';
import { upn } from '../helpers/upn';

// DuckDB reads a large CSV in parallel: the line numbers in errors must still be the file's own.
describe('a large register', () => {
	const pupils = Array.from({ length: 500 }, (_, i) => upn(`8734021${String(i).padStart(5, '0')}`));
	const days: string[] = [];
	for (let t = Date.UTC(2023, 8, 4); days.length < 200; t += 86_400_000) {
		const d = new Date(t);
		if (d.getUTCDay() % 6 !== 0) days.push(d.toISOString().slice(0, 10));
	}
	const lines = ['UPN,Date,Session,Mark'];
	for (const day of days) for (const p of pupils) lines.push(`${p},${day},AM,/`, `${p},${day},PM,\\`);
	// 200,000 marks; a blank line after the 1,000th row
	lines.splice(1001, 0, '');

	it('names the exact line of problems near the end of a 200,000-row file', async () => {
		const bad = [...lines];
		bad[150_001] = bad[150_001].replace(/,\/$/, ',Q9').replace(/,\\$/, ',Q9');
		bad[bad.length - 1] = bad[bad.length - 1].replace(/\d{4}-\d{2}-\d{2}/, '2024-06-15'); // a Saturday
		const w = await freshWarehouse();
		const error = (await importFile(w, tempFile('big.csv', bad.join('\n') + '\n'), { school: 100001 }).catch((e) => e)) as ImportRejected;
		expect(error).toBeInstanceOf(ImportRejected);
		expect(error.problems.map((p) => [p.line, p.reason.slice(0, 22)])).toEqual([
			[150_002, "unknown attendance cod"],
			[bad.length, 'date 2024-06-15 is a S']
		]);
	});

	it('imports every mark of the file', async () => {
		const w = await freshWarehouse();
		const result = await importFile(w, tempFile('big.csv', lines.join('\n') + '\n'), { school: 100001 });
		expect([result.rowsRead, result.added]).toEqual([200_000, 200_000]);
	});
});
