// Benchmark figures: national, regional and local authority attendance figures in the tidy layout of the
// shipped data/reference/national-benchmarks.csv (period, time_identifier, geographic_level, area,
// school_type, breakdown, breakdown_value, measure, value_percent, source), with an optional area_code for
// local authority rows. Kept as origin 'imported' across reopenings (sql/schema/020_benchmark_imports.sql).
import { column, CsvHeader } from './csv';
import { readCsv, rejectOnProblems, run, type LoadContext, type LoadCounts } from './context';

const FIELDS = {
	period: ['period', 'academicyear'],
	time_identifier: ['timeidentifier'],
	geographic_level: ['geographiclevel'],
	area: ['area', 'areaname', 'laname'],
	area_code: ['areacode', 'lacode', 'oldlacode', 'newlacode'],
	school_type: ['schooltype'],
	breakdown: ['breakdown'],
	breakdown_value: ['breakdownvalue'],
	measure: ['measure'],
	value: ['valuepercent', 'value'],
	source: ['source', 'release']
} as const;

/** A benchmarks file: its header names a measure, a value, a time identifier and a geographic level. */
export function isBenchmarks(h: CsvHeader): boolean {
	return h.find(FIELDS.measure) > 0 && h.find(FIELDS.value) > 0 && h.find(FIELDS.time_identifier) > 0 && h.find(FIELDS.geographic_level) > 0;
}

/** Loads benchmark figures: checks every row (file, line, reason), then adds or replaces the imported figures. */
export async function loadBenchmarks(ctx: LoadContext, header: CsvHeader): Promise<LoadCounts> {
	const rowsRead = await readCsv(ctx, header);
	const found: Record<string, string> = {};
	for (const [field, aliases] of Object.entries(FIELDS)) found[field] = column(header.find(aliases));
	ctx.stage('checking');
	await run(ctx, 'ingest/stage_benchmarks', {}, found);
	await rejectOnProblems(ctx);
	ctx.stage('merging');
	const [row] = await run(ctx, 'ingest/merge_benchmarks', { import_id: ctx.importId });
	return { rowsRead, added: row.added as number, amended: row.amended as number, unchanged: row.unchanged as number, unit: 'figures' };
}
