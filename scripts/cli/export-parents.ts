// `export parents --half-term YYYY-MM-DD [--school URN] --out FILE.csv`: the mail-merge CSV of reports to parents.
import { writeFileSync } from 'node:fs';
import { parentsCsv, parentsReport } from '../../src/lib/server/exports/parents';
import { checkDate } from '../../src/lib/server/reports';
import { openWarehouse, schoolOption, type CliValues } from './common';

export async function mainExportParents(_positionals: string[], values: CliValues): Promise<number> {
	const halfTermText = values['half-term'];
	const out = values.out;
	if (typeof halfTermText !== 'string' || !halfTermText) {
		console.error('export parents needs --half-term YYYY-MM-DD (the half-term’s start date or any date in it)');
		return 2;
	}
	if (typeof out !== 'string' || !out) {
		console.error('export parents needs --out FILE.csv');
		return 2;
	}
	if (!out.toLowerCase().endsWith('.csv')) {
		console.error(`--out must name a .csv file, not '${out}'`);
		return 2;
	}
	const halfTermDate = checkDate(halfTermText, '--half-term')!;
	const school = schoolOption(typeof values.school === 'string' ? values.school : undefined);
	const warehouse = await openWarehouse(typeof values.db === 'string' ? values.db : undefined);
	const report = await parentsReport(warehouse, { school, halfTermDate });
	if (!report.halfTerms.length) {
		console.error(`No half-term with marks includes ${halfTermDate}${school === null ? '' : ` at school ${school}`}.`);
		return 1;
	}
	writeFileSync(out, parentsCsv(report.rows));
	const terms = report.halfTerms.map((h) => `${h.school_urn}: ${h.halfTerm.half_term} ${h.halfTerm.academic_year} (${h.halfTerm.start_date} to ${h.dataTo})`);
	console.error(`Wrote ${report.rows.length} pupils to ${out}\n${terms.join('\n')}`);
	return 0;
}
