import { ALIASES, column, CsvHeader } from './csv';
import { defaultSchool, readCsv, run, type LoadContext, type LoadCounts } from './context';
import { checkAndMergeMarks, mergeMarks } from './register';

/** A long register has a UPN, a date, a session and a mark column (in any of their MIS names). */
export function isLongRegister(header: CsvHeader): boolean {
	return ['upn', 'date', 'session', 'mark'].every((f) => header.find(ALIASES[f as keyof typeof ALIASES]) > 0);
}

/** The columns of a long register's fields: c1..cN, or NULL where the header has none. */
export function longRegisterColumns(header: CsvHeader) {
	const at = (f: keyof typeof ALIASES) => column(header.find(ALIASES[f]));
	return {
		urn: at('urn'),
		upn: at('upn'),
		date: at('date'),
		session: at('session'),
		mark: at('mark'),
		minutes: at('minutes'),
		reason: at('reason'),
		author: at('author')
	};
}

/**
 * Long register export: one row per pupil-session (UPN, date, AM/PM, mark, [minutes late, reason, author]).
 * Usually read, typed and checked before the transaction (staging.ts) and merged from there; a file that
 * failed a fast check (or whose school is to settle) is read again as text (loadChecked), which names
 * every problem as it always has.
 */
export async function loadLongRegister(ctx: LoadContext, header: CsvHeader): Promise<LoadCounts> {
	const staged = ctx.staged;
	if (!staged?.checked) return loadChecked(ctx, header);
	const school = await defaultSchool(ctx, header.find(ALIASES.urn) > 0);
	if (school !== staged.school) return loadChecked(ctx, header); // the warehouse's schools changed meanwhile
	await run(ctx, 'ingest/stage_views', undefined, { stage: staged.stage });
	return mergeMarks(ctx, {
		hasMinutes: header.find(ALIASES.minutes) > 0,
		rowsRead: staged.rows,
		staged,
		onClash: () => loadChecked(ctx, header)
	});
}

/** The text path: every field read as text, typed and checked row by row, each problem named with its line. */
async function loadChecked(ctx: LoadContext, header: CsvHeader): Promise<LoadCounts> {
	await run(ctx, 'ingest/drop_fast_stage');
	const rowsRead = await readCsv(ctx, header);
	await run(ctx, 'ingest/stage_long', undefined, longRegisterColumns(header));
	const school = await defaultSchool(ctx, header.find(ALIASES.urn) > 0);
	return checkAndMergeMarks(ctx, { school, hasMinutes: header.find(ALIASES.minutes) > 0, rowsRead });
}
