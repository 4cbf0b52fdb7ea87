import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { REFERENCE } from '../helpers/warehouse';

// The project's own code table (sql/schema/001_codes.sql) must say what the DfE code set says.
describe('national code table', () => {
	it('matches the reference attendance-codes.csv row for row', async () => {
		const db = await DuckDBInstance.create(':memory:');
		const conn = await db.connect();
		await conn.run(readFileSync(join(__dirname, '..', '..', 'sql', 'schema', '001_codes.sql'), 'utf8'));
		const ours = (
			await conn.runAndReadAll(
				`SELECT code::VARCHAR AS code, meaning, category::VARCHAR AS category, CASE WHEN counts_in_possible THEN 'yes' ELSE 'no' END AS counts,
				coalesce(dfe_statistical_field, '') AS field, coalesce(strftime(valid_from, '%Y-%m-%d'), '') AS valid_from,
				coalesce(strftime(valid_to, '%Y-%m-%d'), '') AS valid_to FROM codes ORDER BY code::VARCHAR`
			)
		).getRowObjectsJS();
		const theirs = (
			await conn.runAndReadAll(
				`SELECT code, meaning, category, counts_in_possible AS counts, coalesce(dfe_statistical_field, '') AS field,
				coalesce(valid_from::VARCHAR, '') AS valid_from, coalesce(valid_to::VARCHAR, '') AS valid_to
				FROM read_csv($path, all_varchar = true, header = true, quote = '"', escape = '"') ORDER BY code`,
				{ path: join(REFERENCE, 'attendance-codes.csv') }
			)
		).getRowObjectsJS();
		expect(ours).toHaveLength(38);
		expect(ours).toEqual(theirs);
	});
});
