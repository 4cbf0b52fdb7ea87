// `export la --year 2024/25 [--term autumn|spring|summer] [--school URN] [--national-cohort] --out FILE.csv|.xlsx`:
// the local authority benchmark return (src/lib/server/exports/la.ts), small numbers withheld as 'c'.
import { writeFileSync } from 'node:fs';
import { buildLaExport, laCsv, laXlsx, parseTerm, ukDate, yearStart } from '../../src/lib/server/exports/la';
import { openWarehouse, schoolOption, type CliValues } from './common';

export async function mainExportLa(_positionals: string[], values: CliValues): Promise<number> {
	const year = values.year;
	const out = values.out;
	if (typeof year !== 'string' || !year) {
		console.error('export la needs --year, an academic year such as 2024/25');
		return 2;
	}
	if (typeof out !== 'string' || !out) {
		console.error('export la needs --out FILE.csv or FILE.xlsx');
		return 2;
	}
	const extension = out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : out.toLowerCase().endsWith('.csv') ? 'csv' : null;
	if (!extension) {
		console.error(`--out must name a .csv or .xlsx file, not '${out}'`);
		return 2;
	}
	let term;
	try {
		yearStart(year);
		term = parseTerm(typeof values.term === 'string' ? values.term : null);
	} catch (e) {
		console.error((e as Error).message);
		return 2;
	}
	const school = schoolOption(typeof values.school === 'string' ? values.school : undefined);
	const warehouse = await openWarehouse(typeof values.db === 'string' ? values.db : undefined);
	if (school !== null) {
		const [known] = await warehouse.read('exports/la_school', { school });
		if (!known) {
			console.error(`School ${school} is not in the warehouse.`);
			return 1;
		}
	}
	const exp = await buildLaExport(warehouse, { year, term, school, nationalCohort: values['national-cohort'] === true });
	if (!exp.rows.length) {
		console.error(`No marks in ${year}${school === null ? '' : ` at school ${school}`}: nothing to export.`);
		return 1;
	}
	writeFileSync(out, extension === 'xlsx' ? await laXlsx(exp) : laCsv(exp));
	const schools = new Set(exp.rows.map((r) => r.school_urn)).size;
	console.error(
		`Wrote ${exp.rows.length} rows (${schools} school${schools === 1 ? '' : 's'}, ${exp.rows[0].time_identifier} ${year}) to ${out}; ` +
			`${exp.withheldCells} figures withheld as 'c' (fewer than ${exp.options.threshold} pupils); ` +
			`metric definitions ${exp.provenance.metricVersion}, data to ${ukDate(exp.provenance.dataTo)}.`
	);
	return 0;
}
