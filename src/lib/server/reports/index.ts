import { InputError } from '../../catalog/errors';
import { checkDate } from '../../catalog/params';
import type { Row, Warehouse } from '../warehouse';

/** The reports of `sql/reports/`, by the name the CLI and the pages use. */
export const REPORTS = {
	pupils: { file: 'reports/pupils', label: 'Pupils: sessions and absence', shape: 'table' },
	summary: { file: 'reports/summary', label: 'Whole-school summary', shape: 'object' },
	weekday: { file: 'reports/weekday', label: 'Absence by weekday and session', shape: 'table' },
	codes: { file: 'reports/codes', label: 'Sessions by attendance code', shape: 'table' }
} as const;

export type ReportName = keyof typeof REPORTS;

export interface ReportRange {
	/** Inclusive ISO dates; when either is missing, the latest academic year with marks. */
	from?: string;
	to?: string;
	school?: number | null;
	/** A year group label ('Year 7', 'Reception') as of the start of the range. */
	yearGroup?: string | null;
	/** One group of a cohort dimension (see sql/measures/pupil_cohorts.sql), e.g. fsm = 'FSM eligible'. */
	cohort?: { dimension: string; value: string } | null;
}

export { COHORT_DIMENSIONS, checkDate, parseCohort } from '../../catalog/params';

/** The SQL parameters of a report's filters. */
export function filterParams(range: ReportRange) {
	return {
		year_group: range.yearGroup ?? null,
		cohort_dimension: range.cohort?.dimension ?? null,
		cohort_value: range.cohort?.value ?? null
	};
}

export interface ReportResult {
	name: ReportName;
	from: string | null;
	to: string | null;
	school: number | null;
	rows: Row[];
}

export function isReportName(name: string): name is ReportName {
	return Object.hasOwn(REPORTS, name);
}

/** The range a report covers: as given, with the latest academic year (1 Sep – 31 Aug) filling gaps. */
export async function resolveRange(warehouse: Warehouse, range: ReportRange) {
	const school = range.school ?? null;
	let from = checkDate(range.from, '--from') ?? null;
	let to = checkDate(range.to, '--to') ?? null;
	if (!from || !to) {
		const [latest] = await warehouse.read('reports/default_range', { school });
		from ??= (latest?.date_from as string | null) ?? null;
		to ??= (latest?.date_to as string | null) ?? null;
	}
	if (from && to && from > to) throw new InputError(`--from ${from} is after --to ${to}`);
	return { from, to, school };
}

/** The summary of a range without marks. */
export const NO_MARKS_SUMMARY = { pupils: 0, possible_sessions: 0, authorised_sessions: 0, unauthorised_sessions: 0, overall_absence_rate: null, persistent_pupils: 0, severe_pupils: 0 };

/** Runs a named report over a range. */
export async function runReport(warehouse: Warehouse, name: ReportName, range: ReportRange = {}): Promise<ReportResult> {
	const { from, to, school } = await resolveRange(warehouse, range);
	const rows = from && to ? await warehouse.read(REPORTS[name].file, { from, to, school, ...filterParams(range) }) : [];
	if (name === 'summary' && rows.length === 0) rows.push({ ...NO_MARKS_SUMMARY });
	return { name, from, to, school, rows };
}
