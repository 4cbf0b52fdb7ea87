import { ALIASES, column, CsvHeader } from './csv';
import { defaultSchool, readCsv, run, type LoadContext, type LoadCounts } from './context';
import { checkAndMergeMarks } from './register';

/** A long register has a UPN, a date, a session and a mark column (in any of their MIS names). */
export function isLongRegister(header: CsvHeader): boolean {
	return ['upn', 'date', 'session', 'mark'].every((f) => header.find(ALIASES[f as keyof typeof ALIASES]) > 0);
}

/** Long register export: one row per pupil-session (UPN, date, AM/PM, mark, [minutes late, reason, author]). */
export async function loadLongRegister(ctx: LoadContext, header: CsvHeader): Promise<LoadCounts> {
	const at = (f: keyof typeof ALIASES) => header.find(ALIASES[f]);
	const rowsRead = await readCsv(ctx, header);
	await run(ctx, 'ingest/stage_long', undefined, {
		urn: column(at('urn')),
		upn: column(at('upn')),
		date: column(at('date')),
		session: column(at('session')),
		mark: column(at('mark')),
		minutes: column(at('minutes')),
		reason: column(at('reason')),
		author: column(at('author'))
	});
	const school = await defaultSchool(ctx, at('urn') > 0);
	return checkAndMergeMarks(ctx, { school, hasMinutes: at('minutes') > 0, rowsRead });
}
