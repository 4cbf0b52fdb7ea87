import { checkWindow, IMPACT_COLUMNS, runImpact } from '../../src/lib/server/impact';
import { isListName, LISTS, runList } from '../../src/lib/server/lists';
import { isReportName, parseCohort, REPORTS, runReport } from '../../src/lib/server/reports';
import { toCsv } from '../../src/lib/csv';
import { openWarehouse, schoolOption } from './common';

export async function mainReport(
	positionals: string[],
	values: {
		db?: string;
		school?: string;
		from?: string;
		to?: string;
		format?: string;
		'year-group'?: string;
		cohort?: string;
		on?: string;
		since?: string;
		param?: string[];
		window?: string;
	}
): Promise<number> {
	const [name] = positionals;
	if (name && isListName(name)) return mainList(name, values);
	if (name === 'impact') return mainImpact(values);
	if (!name || !isReportName(name)) {
		console.error(`report needs one of: ${[...Object.keys(REPORTS), 'impact', ...Object.keys(LISTS)].join(', ')}${name ? ` (not '${name}')` : ''}`);
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

/** report <list>: a casework list as of --on (default the latest marked day), CSV unless --format json. */
async function mainList(
	name: keyof typeof LISTS,
	values: { db?: string; school?: string; format?: string; on?: string; since?: string; param?: string[] }
): Promise<number> {
	const format = values.format ?? 'csv';
	if (format !== 'csv' && format !== 'json') {
		console.error(`--format must be csv or json, not '${format}'`);
		return 2;
	}
	const params: Record<string, string> = {};
	if (values.since !== undefined) params.since = values.since;
	for (const pair of values.param ?? []) {
		const at = pair.indexOf('=');
		if (at <= 0) {
			console.error(`--param is NAME=VALUE, not '${pair}'`);
			return 2;
		}
		params[pair.slice(0, at)] = pair.slice(at + 1);
	}
	const warehouse = await openWarehouse(values.db);
	const list = await runList(warehouse, name, { ...params, on: values.on, school: schoolOption(values.school) });
	if (format === 'csv') process.stdout.write(toCsv(list.rows, Object.keys(LISTS[name].columns)));
	else process.stdout.write(JSON.stringify(list.rows, null, 2) + '\n');
	if (!list.on) console.error('The warehouse holds no marks yet: import a register first.');
	return 0;
}

/**
 * report impact: per intervention type, the naive before/after beside the comparison-group estimate
 * (src/lib/server/impact), over --from/--to (default the latest academic year), CSV unless --format json.
 * --year-group / --cohort narrow the pupils whose interventions count (comparison pupils: the whole school).
 */
async function mainImpact(values: { db?: string; school?: string; from?: string; to?: string; format?: string; window?: string; 'year-group'?: string; cohort?: string }): Promise<number> {
	const format = values.format ?? 'csv';
	if (format !== 'csv' && format !== 'json') {
		console.error(`--format must be csv or json, not '${format}'`);
		return 2;
	}
	let window: number;
	try {
		window = checkWindow(values.window);
	} catch (e) {
		console.error(`--window: ${(e as Error).message}`);
		return 2;
	}
	const warehouse = await openWarehouse(values.db);
	const report = await runImpact(warehouse, {
		from: values.from,
		to: values.to,
		school: schoolOption(values.school),
		window,
		yearGroup: values['year-group'] ?? null,
		cohort: parseCohort(values.cohort)
	});
	if (format === 'csv') process.stdout.write(toCsv(report.rows, [...IMPACT_COLUMNS]));
	else process.stdout.write(JSON.stringify(report.rows, null, 2) + '\n');
	if (!report.from) console.error('The warehouse holds no marks yet: import a register first.');
	else if (!report.rows.length) console.error(`No interventions started between ${report.from} and ${report.to}.`);
	return 0;
}
