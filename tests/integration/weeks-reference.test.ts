// The overview's periods and the intervention log read whole weeks from pupil_week_totals and only the weeks
// a half-term, a window or the year-to-date cut-off splits (the log: its windows' first and last days) day by
// day. Checked against the day-by-day references (tests/fixtures/reference/*_by_day.sql) on a demo trust whose schools' half-terms begin and
// end mid-week (imported for one school, inferred from the register for the other years), for the chosen year
// and earlier ones, From/To cutting into weeks, and the year-group and cohort filters.
import { withRawConnection } from '../../scripts/dev/raw';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/generate';
import { importFile } from '../../src/lib/server/ingest';
import { filterParams, resolveFilters } from '../../src/lib/server/filters';
import { resultRows, type Warehouse } from '../../src/lib/server/warehouse';
import { freshWarehouse, rows, tempFile } from '../helpers/warehouse';

let warehouse: Warehouse;
const reference = readFileSync(join(__dirname, '..', 'fixtures', 'reference', 'overview_periods_by_day.sql'), 'utf8');

beforeAll(async () => {
	warehouse = await freshWarehouse();
	const { files } = await generateDemo(mkdtempSync(join(tmpdir(), 'lens-weeks-')), { pupils: 90, schools: 2, seed: 9 });
	for (const file of files) await importFile(warehouse, file);
	// one school's own half-terms for the latest year, each beginning on a Wednesday or a Thursday
	const [{ urn, year }] = await rows(warehouse, `SELECT min(school_urn) AS urn, academic_year_label(max(date)) AS year FROM school_day_totals`);
	const start = Number(String(year).slice(0, 4));
	const terms = [
		['Autumn', 'Autumn 1', `${start}-09-03`, `${start}-10-22`], ['Autumn', 'Autumn 2', `${start}-10-23`, `${start}-12-18`],
		['Spring', 'Spring 1', `${start + 1}-01-08`, `${start + 1}-02-12`], ['Spring', 'Spring 2', `${start + 1}-02-13`, `${start + 1}-03-26`],
		['Summer', 'Summer 1', `${start + 1}-04-10`, `${start + 1}-05-21`], ['Summer', 'Summer 2', `${start + 1}-05-22`, `${start + 1}-07-16`]
	];
	const csv = `academic_year,term,half_term,start_date,end_date\n${terms.map((t) => `${year},${t.join(',')}`).join('\n')}\n`;
	await importFile(warehouse, tempFile('mid-week-terms.csv', csv), { school: urn as number });
}, 180_000);

async function both(query: string, view = 'overview/periods', extra: Record<string, unknown> = { grains: null }): Promise<[string[], string[]]> {
	const filters = await resolveFilters(new URL(`http://x/api/${view}?${query}`), warehouse);
	const params = { ...filterParams(filters), ...extra } as Record<string, unknown>;
	const run = async (text: string) =>
		withRawConnection(warehouse, async (conn) => {
			const prepared = await conn.prepare(text);
			const values: Record<string, never> = {};
			for (let p = 1; p <= prepared.parameterCount; p++) values[prepared.parameterName(p)] = (params[prepared.parameterName(p)] ?? null) as never;
			prepared.bind(values);
			return resultRows(await prepared.runAndReadAll()).map((r) => JSON.stringify(r)).sort();
		});
	const sql = (path: string) => readFileSync(join(__dirname, '..', '..', path), 'utf8');
	return view === 'overview/periods'
		? [await run(sql('sql/datasets/overview/periods.sql')), await run(reference)]
		: [await run(sql('sql/datasets/interventions/log.sql')), await run(sql('tests/fixtures/reference/interventions_log_by_day.sql'))];
}

it.each([
	['the latest year', ''],
	['the year before', 'year=PREVIOUS'],
	['From and To cutting into weeks', 'from=FROM&to=TO'],
	['a year group', 'yearGroup=Year%205'],
	['a cohort', 'cohort=fsm%3AFSM%20eligible'],
	['one school', 'school=SCHOOL']
])('gives the same periods as the day-by-day reference: %s', async (_, template) => {
	const [{ latest, urn }] = await rows(warehouse, `SELECT max(date) AS latest, min(school_urn) AS urn FROM school_day_totals`);
	const last = String(latest);
	const lastYear = Number(last.slice(0, 4)) - (Number(last.slice(5, 7)) >= 9 ? 0 : 1);
	const query = template
		.replace('PREVIOUS', encodeURIComponent(`${lastYear - 1}/${String(lastYear % 100).padStart(2, '0')}`))
		.replace('FROM', `${lastYear}-09-18`) // a Thursday or so: mid-week
		.replace('TO', `${lastYear + 1}-02-05`)
		.replace('SCHOOL', String(urn));
	const [weeks, days] = await both(query);
	expect(days.length).toBeGreaterThan(5);
	expect(weeks).toEqual(days);
});

it('splits some weeks day by day and reads the rest whole (the case the reference checks)', async () => {
	const [{ split, whole }] = await rows(
		warehouse,
		`SELECT count(*) FILTER (WHERE n > 1) AS split, count(*) FILTER (WHERE n = 1) AS whole FROM (
			SELECT t.school_urn, date_trunc('week', t.date) AS week, count(DISTINCT coalesce(h.half_term_number, 0)) AS n
			FROM school_day_totals t LEFT JOIN (SELECT school_urn, half_term_number, unnest(generate_series(start_date, end_date, INTERVAL 1 DAY))::DATE AS date
				FROM half_terms(DATE '2000-01-01', DATE '2100-01-01', NULL)) h ON h.school_urn = t.school_urn AND h.date = t.date
			GROUP BY ALL)`
	);
	expect(split).toBeGreaterThan(0);
	expect(whole).toBeGreaterThan(split as number);
});

it.each([1, 3, 6, 26])('gives the same intervention log as the day-by-day reference, %i weeks before', async (weeks) => {
	for (const query of ['', 'school=SCHOOL']) {
		const [{ urn }] = await rows(warehouse, `SELECT min(school_urn) AS urn FROM school_day_totals`);
		const [log, days] = await both(query.replace('SCHOOL', String(urn)), 'interventions/log', { weeks, type: null, status: null, upn: null });
		expect(days.length).toBeGreaterThan(3);
		expect(log).toEqual(days);
	}
});
