// The governors' half-termly pack: every figure it shows, for one school (or the trust) and one half-term,
// with small numbers withheld. Aggregates only: nothing here names or counts a single pupil's marks.
// The figures come from the same SQL as the Overview (datasets/overview/periods) and Cohorts
// (datasets/cohorts/by_dimension) views; the pack adds the half-term list and the national figure (sql/pack/).
import { suppressRows, type SuppressionSpec } from '../suppression';
import { OVERVIEW as OVERVIEW_DATASETS } from '../../catalog/datasets/overview';
import { COHORTS as COHORTS_DATASETS } from '../../catalog/datasets/cohorts';
import { readTarget, type Target } from '../targets';
import { NotFoundError } from '../../catalog/errors';
import type { Row, Warehouse } from '../warehouse';
import { exportProvenance, type Provenance } from '../exports/provenance';
import { absenceShares, rowShares } from '../../catalog/format';
import { changeSentences, type FigureChange, type PackMeasure, type Sentence } from './sentences';

export interface PackHalfTerm {
	academic_year: string;
	year_start: string;
	term: string;
	half_term: string;
	start_date: string;
	end_date: string;
	/** Ended on or before the last marked day (else in progress: figures to date). */
	complete: boolean;
	last_marked: string;
}

/** A period's headline figures (fractions); null where withheld. */
export interface PackFigures {
	/** null where withheld (fewer than 5 pupils). */
	pupils: number | null;
	possible_sessions: number | null;
	attendance_rate: number | null;
	overall_absence_rate: number | null;
	authorised_absence_rate: number | null;
	unauthorised_absence_rate: number | null;
	persistent_percent: number | null;
	severe_percent: number | null;
	persistent_pupils: number | null;
	severe_pupils: number | null;
	start_date: string | null;
	end_date: string | null;
}

export interface PackTrendPoint {
	academic_year: string;
	label: string;
	start_date: string;
	end_date: string;
	pupils: number | null;
	attendance_rate: number | null;
	persistent_percent: number | null;
	severe_percent: number | null;
	/** The pack's own half-term. */
	chosen: boolean;
}

/** One cohort group's figures this half-term, with last half-term's and the year to date's for comparison. */
export interface PackCohortRow {
	dimension: string;
	value: string;
	pupils: number | null;
	absence_rate: number | null;
	persistent_percent: number | null;
	severe_percent: number | null;
	gap_to_rest_points: number | null;
	gap_to_rest_persistent_points: number | null;
	/** The rest of the school's persistent absence: the gap shown is the difference of the two as shown. */
	rest_persistent_percent: number | null;
	previous_pupils: number | null;
	previous_absence_rate: number | null;
	previous_persistent_percent: number | null;
	year_pupils: number | null;
	year_persistent_percent: number | null;
	year_severe_percent: number | null;
	national_persistent_percent: number | null;
}

export interface PackNational {
	overall: number | null;
	authorised: number | null;
	unauthorised: number | null;
	persistent: number | null;
	severe: number | null;
	period: string;
	school_type: string;
	source: string;
}

export interface Pack {
	school: { urn: number | null; name: string };
	halfTerm: PackHalfTerm;
	previousHalfTerm: PackHalfTerm | null;
	/** The last day the pack's figures run to: the half-term's end, or the last marked day if earlier. */
	dataTo: string;
	target: Target;
	national: PackNational | null;
	headline: { halfTerm: PackFigures | null; previous: PackFigures | null; yearToDate: PackFigures | null };
	trend: PackTrendPoint[];
	cohorts: PackCohortRow[];
	sentences: Sentence[];
	/** The metric definitions' version and the last marked date on or before the half-term's end. */
	provenance: Provenance;
}

// Governors see the pack: its figures are withheld exactly as the governor role's Overview and Cohorts views
// withhold them (the datasets' own suppression specs: groups under 5 pupils, and persistent or severe
// absence resting on fewer than 5 absentees, with secondary suppression).
const HEADLINE_SUPPRESSION: SuppressionSpec = (OVERVIEW_DATASETS.periods.suppress as SuppressionSpec) ?? {
	pupils: 'pupils',
	cells: ['pupils', 'possible_sessions', 'attendance_rate', 'overall_absence_rate', 'authorised_absence_rate', 'unauthorised_absence_rate', 'persistent_percent', 'severe_percent']
};
const COHORT_SUPPRESSION: SuppressionSpec = (COHORTS_DATASETS.by_dimension.suppress as SuppressionSpec) ?? {
	pupils: 'pupils',
	cells: ['pupils', 'absence_rate', 'persistent_percent', 'severe_percent', 'gap_to_rest_points', 'gap_to_rest_persistent_points'],
	groupBy: ['dimension']
};
/** The rest of the school is a small group too when a group holds nearly everyone. */
const REST_SUPPRESSION: SuppressionSpec = {
	pupils: 'rest_pupils',
	cells: ['rest_absence_rate', 'gap_to_rest_points', 'rest_persistent_percent', 'gap_to_rest_persistent_points']
};

/** A pack that cannot be made: no such school, no half-term with marks (a 404). */
export class PackError extends NotFoundError {
	constructor(message: string) {
		super(message);
		this.name = 'PackError';
	}
}

/** The half-terms a pack can be made for (oldest first). */
export async function packHalfTerms(warehouse: Warehouse, school: number | null): Promise<PackHalfTerm[]> {
	return (await warehouse.read('pack/half_terms', { school })) as unknown as PackHalfTerm[];
}

/**
 * The half-term a date names (its start date or any date in it; between half-terms, none), or by default
 * the latest to have started by the last marked day: the current half-term, else the last complete one.
 */
export function pickHalfTerm(halfTerms: PackHalfTerm[], date: string | null): PackHalfTerm | null {
	if (!date) return halfTerms[halfTerms.length - 1] ?? null;
	return halfTerms.find((h) => h.start_date <= date && date <= h.end_date) ?? null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function figures(row: Row | undefined): PackFigures | null {
	if (!row) return null;
	return {
		pupils: num(row.pupils),
		possible_sessions: num(row.possible_sessions),
		attendance_rate: num(row.attendance_rate),
		overall_absence_rate: num(row.overall_absence_rate),
		authorised_absence_rate: num(row.authorised_absence_rate),
		unauthorised_absence_rate: num(row.unauthorised_absence_rate),
		persistent_percent: num(row.persistent_percent),
		severe_percent: num(row.severe_percent),
		persistent_pupils: num(row.persistent_pupils),
		severe_pupils: num(row.severe_pupils),
		start_date: (row.start_date as string | null) ?? null,
		end_date: (row.end_date as string | null) ?? null
	};
}

async function national(warehouse: Warehouse, school: number | null, academicYear: string): Promise<PackNational | null> {
	const rows = await warehouse.read('pack/national', { school, academic_year: academicYear });
	if (!rows.length) return null;
	const of = (measure: string) => num(rows.find((r) => r.measure === measure)?.value);
	const first = rows.find((r) => r.measure === 'overall_absence_rate') ?? rows[0];
	return {
		overall: of('overall_absence_rate'),
		authorised: of('authorised_absence_rate'),
		unauthorised: of('unauthorised_absence_rate'),
		persistent: of('persistent_absence_percent'),
		severe: of('severe_absence_percent'),
		period: first.period as string,
		school_type: first.school_type as string,
		source: [...new Set(rows.map((r) => r.source as string))].join('; ')
	};
}

/** The Cohorts view's groups over a date range, whole school (no year group or cohort filter). */
async function cohorts(warehouse: Warehouse, school: number | null, from: string, to: string): Promise<Row[]> {
	const rows = await warehouse.read('datasets/cohorts/by_dimension', {
		from, to, school, year_group: null, cohort_dimension: null, cohort_value: null, dimension: null
	});
	return suppressRows(suppressRows(rows, COHORT_SUPPRESSION), REST_SUPPRESSION);
}

/** Builds the pack for a school (null: the trust) and a half-term (a date in it; null: the latest); `knownHalfTerms`: packHalfTerms' answer, if already read. */
export async function buildPack(
	warehouse: Warehouse,
	school: number | null,
	halfTermDate: string | null,
	knownHalfTerms?: PackHalfTerm[]
): Promise<Pack> {
	const schools = (await warehouse.read('reports/schools')) as { urn: number; name: string }[];
	if (school !== null && !schools.some((s) => s.urn === school)) throw new PackError(`no school ${school} in the warehouse`);
	const halfTerms = knownHalfTerms ?? (await packHalfTerms(warehouse, school));
	if (!halfTerms.length) throw new PackError('no marks yet: there is no half-term to report on');
	const halfTerm = pickHalfTerm(halfTerms, halfTermDate);
	if (!halfTerm) throw new PackError(`no half-term with marks includes ${halfTermDate}`);
	const index = halfTerms.indexOf(halfTerm);
	const previousHalfTerm = index > 0 ? halfTerms[index - 1] : null;
	const dataTo = halfTerm.end_date < halfTerm.last_marked ? halfTerm.end_date : halfTerm.last_marked;
	const yearEnd = `${Number(halfTerm.year_start.slice(0, 4)) + 1}-08-31`;
	const base = { school, from: halfTerm.year_start, year_start: halfTerm.year_start, year_group: null, cohort_dimension: null, cohort_value: null };

	const [byHalfTerm, yearToDate, target, nationalFigures, current, previous, year, provenance] = await Promise.all([
		// every half-term of this year and the two before, whole (the trend, this half-term and the last)
		warehouse.read('datasets/overview/periods', { ...base, to: yearEnd, grains: 'half_term' }),
		// the year from 1 September to the pack's last day
		warehouse.read('datasets/overview/periods', { ...base, to: dataTo, grains: 'year' }),
		readTarget(warehouse, school),
		national(warehouse, school, halfTerm.academic_year),
		cohorts(warehouse, school, halfTerm.start_date, dataTo),
		previousHalfTerm ? cohorts(warehouse, school, previousHalfTerm.start_date, previousHalfTerm.end_date) : Promise.resolve([]),
		cohorts(warehouse, school, halfTerm.year_start, dataTo),
		exportProvenance(warehouse, school, halfTerm.end_date)
	]);

	const halfTermRows = suppressRows(byHalfTerm, HEADLINE_SUPPRESSION);
	const find = (h: PackHalfTerm | null) => (h ? halfTermRows.find((r) => r.academic_year === h.academic_year && r.label === h.half_term) : undefined);
	const previousYear = `${Number(halfTerm.year_start.slice(0, 4)) - 1}/${halfTerm.year_start.slice(2, 4)}`;
	const trend: PackTrendPoint[] = halfTermRows
		.filter((r) => r.academic_year === previousYear || (r.academic_year === halfTerm.academic_year && (r.start_date as string) <= dataTo))
		.map((r) => ({
			academic_year: r.academic_year as string,
			label: r.label as string,
			start_date: r.start_date as string,
			end_date: r.end_date as string,
			pupils: num(r.pupils),
			attendance_rate: num(r.attendance_rate),
			persistent_percent: num(r.persistent_percent),
			severe_percent: num(r.severe_percent),
			chosen: r.academic_year === halfTerm.academic_year && r.label === halfTerm.half_term
		}));
	const ytdRow = suppressRows(yearToDate.filter((r) => r.academic_year === halfTerm.academic_year), HEADLINE_SUPPRESSION)[0];

	const headline = { halfTerm: figures(find(halfTerm)), previous: figures(find(previousHalfTerm)), yearToDate: figures(ytdRow) };
	const cohortRows = mergeCohorts(current, previous, year);
	const nationalByMeasure = { persistent: nationalFigures?.persistent ?? null, severe: nationalFigures?.severe ?? null };
	const sentences = changeSentences(figureChanges(headline.halfTerm, headline.previous, cohortRows), {
		targetPercent: target.target_percent,
		national: nationalByMeasure
	});
	const name = school === null ? 'All schools in the trust' : (schools.find((s) => s.urn === school)?.name ?? `School ${school}`);
	return {
		school: { urn: school, name },
		halfTerm,
		previousHalfTerm,
		dataTo,
		target,
		national: nationalFigures,
		headline,
		trend,
		cohorts: cohortRows,
		sentences,
		provenance
	};
}

function mergeCohorts(current: Row[], previous: Row[], year: Row[]): PackCohortRow[] {
	const key = (r: Row) => `${r.dimension}\u0000${r.value}`;
	const before = new Map(previous.map((r) => [key(r), r]));
	const whole = new Map(year.map((r) => [key(r), r]));
	return current.map((r) => {
		const p = before.get(key(r));
		const y = whole.get(key(r));
		return {
			dimension: r.dimension as string,
			value: r.value as string,
			pupils: num(r.pupils),
			absence_rate: num(r.absence_rate),
			persistent_percent: num(r.persistent_percent),
			severe_percent: num(r.severe_percent),
			gap_to_rest_points: num(r.gap_to_rest_points),
			gap_to_rest_persistent_points: num(r.gap_to_rest_persistent_points),
			rest_persistent_percent: num(r.rest_persistent_percent),
			previous_pupils: p ? num(p.pupils) : null,
			previous_absence_rate: p ? num(p.absence_rate) : null,
			previous_persistent_percent: p ? num(p.persistent_percent) : null,
			year_pupils: y ? num(y.pupils) : null,
			year_persistent_percent: y ? num(y.persistent_percent) : null,
			year_severe_percent: y ? num(y.severe_percent) : null,
			national_persistent_percent: y ? num(y.national_persistent_percent) : null
		};
	});
}

/** The figures whose change since last half-term may become a sentence, as the pack shows them. */
function figureChanges(nowFigures: PackFigures | null, beforeFigures: PackFigures | null, groups: PackCohortRow[]): FigureChange[] {
	const out: FigureChange[] = [];
	// attendance, authorised and unauthorised absence as shown, adding up
	const now = rowShares(nowFigures);
	const before = rowShares(beforeFigures);
	if (now && before) {
		const school: [PackMeasure, keyof PackFigures][] = [
			['attendance', 'attendance_rate'],
			['authorised', 'authorised_absence_rate'],
			['unauthorised', 'unauthorised_absence_rate'],
			['persistent', 'persistent_percent'],
			['severe', 'severe_percent']
		];
		for (const [measure, column] of school)
			out.push({ measure, current: now[column] as number | null, previous: before[column] as number | null, currentPupils: now.pupils ?? 0, previousPupils: before.pupils ?? 0 });
	}
	for (const g of groups) {
		if (g.previous_pupils === null) continue;
		// a group holding every pupil (one year group, everyone unclassified) says nothing the school's figures do not
		if (now && before && g.pupils === now.pupils && g.previous_pupils === before.pupils) continue;
		const group = { dimension: g.dimension, value: g.value };
		const attendance = (absence: number | null) => absenceShares({ overall: absence }).attendance;
		out.push({
			measure: 'attendance', group, current: attendance(g.absence_rate), previous: attendance(g.previous_absence_rate),
			currentPupils: g.pupils ?? 0, previousPupils: g.previous_pupils
		});
		out.push({
			measure: 'persistent', group, current: g.persistent_percent, previous: g.previous_persistent_percent,
			currentPupils: g.pupils ?? 0, previousPupils: g.previous_pupils
		});
	}
	return out;
}
