import { ALIASES, column, CsvHeader } from './csv';
import { defaultSchool, readCsv, run, runSql, type LoadContext, type LoadCounts } from './context';
import { checkAndMergeMarks } from './register';

const DATE_HEADER = /^\s*(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})\s*$/;

/** The header cells that are dates: the columns of a wide register grid. */
export function dateColumns(header: CsvHeader): { position: number; text: string }[] {
	return header.cells.flatMap((text, i) => (DATE_HEADER.test(text) ? [{ position: i + 1, text: text.trim() }] : []));
}

export function isWideRegister(header: CsvHeader): boolean {
	return header.find(ALIASES.upn) > 0 && dateColumns(header).length > 0;
}

/** Wide register grid: one row per pupil, one column per date, "AM PM" marks in each cell. */
export async function loadWideRegister(ctx: LoadContext, header: CsvHeader): Promise<LoadCounts> {
	const dates = dateColumns(header);
	const rowsRead = await readCsv(ctx, header);
	await runSql(ctx, 'CREATE OR REPLACE TEMP TABLE stage_wide_dates (col VARCHAR, date_text VARCHAR)');
	const appender = await ctx.conn.createAppender('stage_wide_dates', 'main', 'temp');
	for (const d of dates) {
		appender.appendVarchar(column(d.position));
		appender.appendVarchar(d.text);
		appender.endRow();
	}
	appender.closeSync();
	await run(ctx, 'ingest/stage_wide', undefined, {
		urn: column(header.find(ALIASES.urn)),
		upn: column(header.find(ALIASES.upn)),
		date_columns: dates.map((d) => column(d.position)).join(', ')
	});
	const school = await defaultSchool(ctx, header.find(ALIASES.urn) > 0);
	return checkAndMergeMarks(ctx, { school, hasMinutes: false, rowsRead });
}
