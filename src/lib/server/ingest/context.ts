import type { DuckDBConnection } from '@duckdb/node-api';
import { runFile, WarehouseQueryError, type Params, type Slots } from '../warehouse';
import { CsvHeader } from './csv';
import { lineOfRow, type TextFile } from './preflight';
import { ImportRejected, reject, type Problem } from './problems';
import type { StagedRegister } from './staging';

/** What every format's loader is given: the open transaction, the file, the import's id and options. */
export interface LoadContext {
	conn: DuckDBConnection;
	file: TextFile;
	importId: number;
	/** The school chosen for the import (--school), if any. */
	school: number | null;
	changedAt: string;
	stage: (name: 'checking' | 'merging') => void;
	warnings: string[];
	/** A long register read and checked before the transaction (staging.ts). */
	staged?: StagedRegister;
}

/** What a loader reports: rows read from the file and what became of them. */
export interface LoadCounts {
	rowsRead: number;
	added: number;
	amended: number;
	unchanged: number;
	/** What was added/amended: 'marks', 'pupils', … */
	unit: string;
}

/** Reads a CSV into stage_csv with DuckDB's reader (preflight has checked its shape). */
export async function readCsv(ctx: LoadContext, header: CsvHeader): Promise<number> {
	const { file } = ctx;
	try {
		await runFile(ctx.conn, 'ingest/read_csv', { path: file.path }, {
			delimiter: header.delimiterLiteral(),
			columns: header.columnsStruct()
		});
	} catch (error) {
		throw csvError(file, error);
	}
	const [{ rows }] = await runSql(ctx, 'SELECT count(*)::INTEGER AS rows FROM stage_csv');
	if (rows === 0) reject(file.name, 'the file has a header but no rows', 1);
	return rows as number;
}

/** DuckDB's CSV reader errors, restated with the file's name and line. */
export function csvError(file: Pick<TextFile, 'name'>, error: unknown): Error {
	const message = error instanceof WarehouseQueryError ? String((error.cause as Error)?.message ?? error.message) : String(error);
	const line = /CSV Error on Line: (\d+)/.exec(message);
	const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
	if (line) {
		const reason = columns
			? `expected ${columns[1]} fields (as in the header), found ${columns[2]}`
			: message.split('\n')[0].replace(/^.*Error: /, '');
		return new ImportRejected(file.name, [{ line: Number(line[1]), reason }]);
	}
	// any other complaint of DuckDB's CSV reader is still the file's problem: say so, naming the file
	if (error instanceof WarehouseQueryError && /CSV/.test(message))
		return new ImportRejected(file.name, [{ reason: `it cannot be read as CSV: ${message.split('\n')[0].replace(/^.*Error: /, '')}` }]);
	return error instanceof Error ? error : new Error(String(error));
}

export async function runSql(ctx: LoadContext, sql: string, params?: Params) {
	const reader = await ctx.conn.runAndReadAll(sql, params as never);
	return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

export function run(ctx: LoadContext, name: string, params?: Params, slots?: Slots) {
	return runFile(ctx.conn, name, params, slots);
}

/** Rejects the file if the staged checks found problems (stage_problems), naming lines and pupils. */
export async function rejectOnProblems(ctx: LoadContext, lineOf?: (row: number) => number): Promise<void> {
	const rows = await run(ctx, 'ingest/stage_problems_list');
	if (rows.length === 0) return;
	const toLine = lineOf ?? ((row: number) => lineOfRow(ctx.file, row));
	const problems: Problem[] = rows.map((r) => ({
		line: (r.line as number | null) ?? (r.row_no != null ? toLine(r.row_no as number) : undefined),
		pupil: (r.upn as string | null) ?? undefined,
		reason: `${r.reason}${r.other_row != null ? ` (first listed on line ${toLine(r.other_row as number)})` : ''}`
	}));
	throw new ImportRejected(ctx.file.name, problems, rows[0].total as number);
}

/** The school for rows that name none: the chosen one, else the warehouse's only school, else none. */
export async function defaultSchool(ctx: LoadContext, fileNamesSchools: boolean): Promise<number | null> {
	if (ctx.school !== null) {
		await run(ctx, 'ingest/ensure_school', { school: ctx.school });
		return ctx.school;
	}
	if (fileNamesSchools) return null;
	const [{ schools, only_urn }] = await run(ctx, 'ingest/school_count');
	if (schools === 1) return only_urn as number;
	return reject(
		ctx.file.name,
		`the file does not say which school it is for (no URN column) and the warehouse holds ${schools} schools: choose the school it is for (--school URN on the command line, the School field when uploading)`
	);
}
