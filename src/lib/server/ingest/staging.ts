import type { DuckDBConnection } from '@duckdb/node-api';
import { runFile, type Params, type Warehouse } from '../warehouse';
import { ALIASES, CsvHeader } from './csv';
import { csvError } from './context';
import type { TextFile } from './preflight';
import { reject } from './problems';
import { isLongRegister, longRegisterColumns } from './register-long';

/**
 * A long register read, typed and checked before its import's transaction, in an in-memory database of
 * its own (DuckDB scans a table written inside a transaction on one thread only; one written before it,
 * on all). `checked: false`: the fast checks found a problem, or the file's school is for the import to
 * settle: the import reads it again as text, which names every problem as it always has.
 */
export type StagedRegister =
	| { stage: string; checked: true; rows: number; school: number | null; extent: Params; repeats: boolean }
	| { stage: string; checked: false };

let stages = 0;

/** Stages a long register (read_long.sql, stage_long_checks.sql); `signal` interrupts it (Warehouse.stage). */
export async function stageLongRegister(
	warehouse: Warehouse,
	file: Pick<TextFile, 'path' | 'name'>,
	header: CsvHeader,
	chosenSchool: number | null,
	signal?: AbortSignal
): Promise<StagedRegister> {
	const stage = `import_stage_${++stages}`;
	return warehouse.scratch(async (conn) => {
		await runFile(conn, 'ingest/attach_stage', undefined, { stage });
		try {
			return await stageOn(conn, stage, file, header, chosenSchool);
		} catch (error) {
			await runFile(conn, 'ingest/detach_stage', undefined, { stage });
			throw error;
		}
	}, { signal });
}

async function stageOn(
	conn: DuckDBConnection,
	stage: string,
	file: Pick<TextFile, 'path' | 'name'>,
	header: CsvHeader,
	chosenSchool: number | null
): Promise<StagedRegister> {
	// the school of rows without a URN, as defaultSchool settles it (a choice to make is the import's)
	let school = chosenSchool;
	if (school === null && header.find(ALIASES.urn) === 0) {
		const [{ schools, only_urn }] = await runFile(conn, 'ingest/school_count');
		if (schools !== 1) return { stage, checked: false };
		school = only_urn as number;
	}
	await runFile(conn, 'ingest/mark_typing');
	try {
		await runFile(conn, 'ingest/read_long', { path: file.path, school }, {
			...longRegisterColumns(header),
			stage,
			delimiter: header.delimiterLiteral(),
			columns: header.columnsStruct()
		});
	} catch (error) {
		throw csvError(file, error);
	}
	await runFile(conn, 'ingest/stage_views', undefined, { stage });
	const [checks] = await runFile(conn, 'ingest/stage_long_checks', { chosen_school: chosenSchool }, { stage });
	const { rows, problems, repeats, ...extent } = checks;
	if (rows === 0) reject(file.name, 'the file has a header but no rows', 1);
	if ((problems as number) > 0) return { stage, checked: false };
	return { stage, checked: true, rows: rows as number, school, extent: extent as Params, repeats: repeats as boolean };
}

/** The header of a file whose first line is a long register's (as detectKind would find it), else undefined. */
export function longRegisterHeader(firstLine: string): CsvHeader | undefined {
	if (/^\s*</.test(firstLine)) return undefined;
	const header = CsvHeader.parse(firstLine);
	return isLongRegister(header) ? header : undefined;
}

/** Drops a staged register. */
export function dropStage(warehouse: Warehouse, staged: StagedRegister): Promise<unknown> {
	return warehouse.scratch((conn) => runFile(conn, 'ingest/detach_stage', undefined, { stage: staged.stage }));
}
