import { isReportName, parseCohort, REPORTS, runReport } from '../../src/lib/server/reports';
import { toCsv } from '../../src/lib/server/reports/format';
import { openWarehouse, schoolOption } from './common';

export async function mainReport(
	positionals: string[],
	values: { db?: string; school?: string; from?: string; to?: string; format?: string; 'year-group'?: string; cohort?: string }
): Promise<number> {
	const [name] = positionals;
	if (!name || !isReportName(name)) {
		console.error(`report needs one of: ${Object.keys(REPORTS).join(', ')}${name ? ` (not '${name}')` : ''}`);
		return 2;
	}
	const shape = REPORTS[name].shape;
	const format = values.format ?? (shape === 'object' ? 'json' : 'csv');
	if (format !== 'csv' && format !== 'json') {
		console.error(`--format must be csv or json, not '${format}'`);
		return 2;
	}
	const warehouse = await openWarehouse(values.db);
	const report = await runReport(warehouse, name, {
		from: values.from,
		to: values.to,
		school: schoolOption(values.school),
		yearGroup: values['year-group'] ?? null,
		cohort: parseCohort(values.cohort)
	});
	if (format === 'csv') process.stdout.write(toCsv(report.rows));
	else process.stdout.write(JSON.stringify(shape === 'object' ? report.rows[0] : report.rows, null, 2) + '\n');
	if (!report.from) console.error('The warehouse holds no marks yet: import a register first.');
	return 0;
}
