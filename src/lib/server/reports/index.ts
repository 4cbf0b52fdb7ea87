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

/** The cohort dimensions pupils can be grouped and filtered by. */
export const COHORT_DIMENSIONS = ['year_group', 'sex', 'fsm', 'pupil_premium', 'sen', 'eal', 'ethnicity', 'cla'] as const;

/** Parses a cohort filter written as dimension:value ('fsm:FSM eligible'). */
export function parseCohort(text: string | undefined | null): { dimension: string; value: string } | null {
	if (!text) return null;
	const at = text.indexOf(':');
	const dimension = at > 0 ? text.slice(0, at) : '';
	if (!(COHORT_DIMENSIONS as readonly string[]).includes(dimension) || at === text.length - 1)
		throw new Error(`a cohort is dimension:value, the dimension one of ${COHORT_DIMENSIONS.join(', ')} (not '${text}')`);
	return { dimension, value: text.slice(at + 1) };
}

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a YYYY-MM-DD date (throws a message naming the option otherwise). */
export function checkDate(value: string | undefined, option: string): string | undefined {
	if (value === undefined || value === '') return undefined;
	const d = new Date(`${value}T00:00:00Z`);
	if (!ISO_DATE.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
		throw new Error(`${option} must be a date as YYYY-MM-DD, not '${value}'`);
	return value;
}

/** The range a report covers: as given, with the latest academic year (1 Sep – 31 Aug) filling gaps. */
export async function resolveRange(warehouse: Warehouse, range: ReportRange) {
	const school = range.school ?? null;
	let from = checkDate(range.from, '--from') ?? null;
	let to = checkDate(range.to, '--to') ?? null;
	if (!from || !to) {
		const [latest] = await warehouse.query('reports/default_range', { school });
		from ??= (latest?.date_from as string | null) ?? null;
		to ??= (latest?.date_to as string | null) ?? null;
	}
	if (from && to && from > to) throw new Error(`--from ${from} is after --to ${to}`);
	return { from, to, school };
}

/** Runs a named report over a range. */
export async function runReport(warehouse: Warehouse, name: ReportName, range: ReportRange = {}): Promise<ReportResult> {
	const { from, to, school } = await resolveRange(warehouse, range);
	const rows = from && to ? await warehouse.query(REPORTS[name].file, { from, to, school, ...filterParams(range) }) : [];
	if (name === 'summary' && rows.length === 0)
		rows.push({ pupils: 0, possible_sessions: 0, authorised_sessions: 0, unauthorised_sessions: 0, overall_absence_rate: null, persistent_pupils: 0, severe_pupils: 0 });
	return { name, from, to, school, rows };
}
