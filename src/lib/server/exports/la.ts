// The local authority benchmark return (issue 7): one row per school × breakdown × group for one period,
// with the column names of the DfE's published absence tables, small numbers withheld as 'c', as CSV or
// as an XLSX workbook (one sheet per breakdown and a Definitions sheet). The figures come from
// sql/exports/la_rows.sql, built on the measures; the CLI (`export la`) and /exports/la use this module.
import { InputError } from '../../catalog/errors';
import ExcelJS from 'exceljs';
import { toCsv } from '../../csv';
import { SUPPRESSED, suppressionThreshold, suppressRows, type SuppressionSpec } from '../suppression';
import type { Row, Warehouse } from '../warehouse';
import { exportProvenance, PROVENANCE_COLUMNS, provenanceColumns, provenanceLines, ukDate, type Provenance } from './provenance';

export const LA_TERMS = ['autumn', 'spring', 'summer'] as const;
export type LaTerm = (typeof LA_TERMS)[number];

export interface LaExportOptions {
	/** Academic year, '2024/25'. */
	year: string;
	/** The term the (cumulative) period ends with; null: the full academic year. */
	term: LaTerm | null;
	/** One school (URN) or every school (null). */
	school: number | null;
	/** Only pupils aged 5 to 15 at the start of the year (the national statistics cohort). */
	nationalCohort: boolean;
	/** Fewest pupils a figure may rest on (default 5). */
	threshold?: number;
}

export interface ReasonField {
	field: string;
	category: 'authorised' | 'unauthorised';
	codes: string;
	meaning: string;
}

export interface LaExport {
	options: LaExportOptions;
	/** The columns in order (DfE names, reason columns, then the provenance columns). */
	columns: string[];
	/** The rows with withheld figures as 'c'. */
	rows: Row[];
	reasonFields: ReasonField[];
	provenance: Provenance;
	/** Rows before suppression were this many; cells withheld. */
	withheldCells: number;
}

/** The main columns of the DfE's absence tables, in their order. */
export const LA_COLUMNS = [
	'time_period', 'time_identifier', 'geographic_level', 'school_urn', 'breakdown', 'breakdown_value', 'enrolments',
	'sess_possible', 'sess_overall', 'sess_authorised', 'sess_unauthorised', 'sess_overall_percent', 'sess_authorised_percent',
	'sess_unauthorised_percent', 'enrolments_pa_10_exact', 'enrolments_pa_10_exact_percent', 'enrolments_pa_50_exact',
	'enrolments_pa_50_exact_percent'
];

/** What each main column means (the Definitions sheet). */
export const LA_DEFINITIONS: Record<string, string> = {
	time_period: 'Academic year as the DfE writes it: 202425 for 2024/25.',
	time_identifier:
		"The period, cumulative from 1 September as in the DfE's termly releases: 'Autumn term', 'Autumn and spring term' or 'Full academic year'.",
	geographic_level: "'School': each row is one school's figures.",
	school_urn: 'The school’s unique reference number.',
	breakdown: "The pupil characteristic the row is broken down by ('Total' for all pupils).",
	breakdown_value: "The group within the breakdown ('Not recorded' where the pupils file gave no value).",
	enrolments: 'Pupil enrolments (pupil × school) with at least one possible session in the period.',
	sess_possible: 'Possible sessions: every mark except the not-possible codes (D X Q Y Y1-Y7 Z #).',
	sess_overall: 'Overall absence sessions: authorised + unauthorised.',
	sess_authorised: 'Authorised absence sessions.',
	sess_unauthorised: 'Unauthorised absence sessions.',
	sess_overall_percent: 'Overall absence rate: sess_overall / sess_possible × 100, to one decimal place.',
	sess_authorised_percent: 'Authorised absence rate: sess_authorised / sess_possible × 100.',
	sess_unauthorised_percent: 'Unauthorised absence rate: sess_unauthorised / sess_possible × 100.',
	enrolments_pa_10_exact: 'Persistent absentees: enrolments missing 10% or more of their possible sessions (absent × 10 ≥ possible).',
	enrolments_pa_10_exact_percent: 'Persistent absentees as a percentage of enrolments.',
	enrolments_pa_50_exact: 'Severe absentees: enrolments missing 50% or more of their possible sessions (absent × 2 ≥ possible).',
	enrolments_pa_50_exact_percent: 'Severe absentees as a percentage of enrolments.',
	metric_version: 'The version of the metric definitions the figures were computed with (a version and a hash of the SQL).',
	data_to: 'The data’s last marked date: the latest register mark in the warehouse for the school(s) exported.'
};

const TIME_IDENTIFIER: Record<LaTerm, string> = { autumn: 'Autumn term', spring: 'Autumn and spring term', summer: 'Full academic year' };

/** The academic year's first day from its label ('2024/25' → '2024-09-01'); throws on anything else. */
export function yearStart(year: string): string {
	const m = /^(\d{4})\/(\d{2})$/.exec(year);
	if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) throw new InputError(`the year must be an academic year such as 2024/25, not '${year}'`);
	return `${m[1]}-09-01`;
}

/** A term option: autumn, spring or summer (any case), or null when absent. */
export function parseTerm(text: string | null | undefined): LaTerm | null {
	if (text === null || text === undefined || text === '') return null;
	const term = text.toLowerCase();
	if (!(LA_TERMS as readonly string[]).includes(term)) throw new InputError(`the term must be autumn, spring or summer, not '${text}'`);
	return term as LaTerm;
}

/** How the LA return is suppressed: each row on its enrolments, PA counts and reasons on their own pupils. */
export function laSuppressionSpec(reasonFields: ReasonField[]): SuppressionSpec {
	return {
		pupils: 'enrolments',
		cells: [
			'enrolments', 'sess_possible', 'sess_overall', 'sess_authorised', 'sess_unauthorised', 'sess_overall_percent',
			'sess_authorised_percent', 'sess_unauthorised_percent'
		],
		counts: [
			{ pupils: 'enrolments_pa_10_exact', cells: ['enrolments_pa_10_exact', 'enrolments_pa_10_exact_percent'] },
			{ pupils: 'enrolments_pa_50_exact', cells: ['enrolments_pa_50_exact', 'enrolments_pa_50_exact_percent'] },
			// a reason's sessions rest on the pupils with that reason; the reasons add up to authorised / unauthorised
			...reasonFields.map((f) => ({ pupils: `${f.field}__pupils`, cells: [f.field], sumsTo: f.category }))
		],
		// a school's breakdown groups add up to its Total row
		groupBy: ['time_period', 'time_identifier', 'school_urn', 'breakdown'],
		totalRows: { column: 'breakdown', value: 'Total' }
	};
}

/** Builds the LA return: runs the SQL, spreads the reasons into columns, withholds small numbers. */
export async function buildLaExport(warehouse: Warehouse, options: LaExportOptions): Promise<LaExport> {
	const start = yearStart(options.year);
	const reasonFields = (await warehouse.read('exports/la_reason_fields')) as unknown as ReasonField[];
	const raw = await warehouse.read('exports/la_rows', {
		year_start: start,
		term: options.term,
		school: options.school,
		national_cohort: options.nationalCohort
	});
	const rows = raw.map((row) => {
		const out: Row = {};
		for (const c of LA_COLUMNS) out[c] = row[c];
		const reasons = new Map(((row.reasons as { field: string; sessions: number; pupils: number }[]) ?? []).map((r) => [r.field, r]));
		for (const f of reasonFields) {
			out[f.field] = Number(reasons.get(f.field)?.sessions ?? 0);
			out[`${f.field}__pupils`] = Number(reasons.get(f.field)?.pupils ?? 0);
		}
		return out;
	});
	const threshold = options.threshold ?? suppressionThreshold();
	const suppressed = suppressRows(rows, laSuppressionSpec(reasonFields), threshold, SUPPRESSED);
	const periodEnd = raw.reduce<string | null>((a, r) => (a === null || (r.period_end as string) > a ? (r.period_end as string) : a), null);
	const provenance = await exportProvenance(warehouse, options.school, periodEnd);
	const columns = [...LA_COLUMNS, ...reasonFields.map((f) => f.field), ...PROVENANCE_COLUMNS];
	let withheldCells = 0;
	const finished = suppressed.map((row) => {
		const out: Row = {};
		for (const c of columns.slice(0, -PROVENANCE_COLUMNS.length)) {
			out[c] = row[c];
			if (row[c] === SUPPRESSED) withheldCells++;
		}
		return { ...out, ...provenanceColumns(provenance) };
	});
	return { options: { ...options, threshold }, columns, rows: finished, reasonFields, provenance, withheldCells };
}

/** The export as CSV (the DfE's column names; provenance in the trailing columns). */
export function laCsv(exp: LaExport): string {
	return toCsv(exp.rows, exp.columns);
}

/** A sheet name Excel accepts (31 characters, none of : \ / ? * [ ]). */
const sheetName = (text: string): string => text.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** The export as an XLSX workbook: one sheet per breakdown and a Definitions sheet. */
export async function laXlsx(exp: LaExport): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Attendance Lens';
	book.created = new Date(exp.provenance.generatedAt);
	const dataColumns = exp.columns.filter((c) => !(PROVENANCE_COLUMNS as readonly string[]).includes(c));
	const breakdowns = [...new Set(exp.rows.map((r) => r.breakdown as string))];
	for (const breakdown of breakdowns) {
		const sheet = book.addWorksheet(sheetName(breakdown));
		sheet.columns = dataColumns.map((c) => ({ header: c, key: c, width: Math.max(10, Math.min(c.length + 2, 32)) }));
		sheet.getRow(1).font = { bold: true };
		sheet.views = [{ state: 'frozen', ySplit: 1 }];
		for (const row of exp.rows.filter((r) => r.breakdown === breakdown)) sheet.addRow(dataColumns.map((c) => row[c] ?? null));
	}
	const defs = book.addWorksheet('Definitions');
	defs.columns = [
		{ header: 'item', key: 'item', width: 34 },
		{ header: 'definition', key: 'definition', width: 110 }
	];
	defs.getRow(1).font = { bold: true };
	const { options, provenance } = exp;
	const period = options.term ? TIME_IDENTIFIER[options.term] : 'Full academic year';
	const lines: [string, string][] = [
		['Title', 'Attendance Lens: local authority benchmark return'],
		['Academic year', options.year],
		['Period', period],
		['Schools', options.school === null ? 'every school in the warehouse' : String(options.school)],
		['Pupils', options.nationalCohort ? 'national statistics cohort: pupils aged 5 to 15 on the 31 August before the year' : 'every pupil on roll'],
		...provenanceLines(provenance),
		[
			'Suppression',
			`'${SUPPRESSED}': withheld because it rests on fewer than ${options.threshold} pupils, or because it would let a withheld figure be worked out from the totals.`
		],
		['', ''],
		...dataColumns.filter((c) => LA_DEFINITIONS[c]).map((c) => [c, LA_DEFINITIONS[c]] as [string, string]),
		...exp.reasonFields.map(
			(f) => [f.field, `${f.category === 'authorised' ? 'Authorised' : 'Unauthorised'} absence sessions with code ${f.codes}: ${f.meaning}.`] as [string, string]
		)
	];
	for (const [item, definition] of lines) defs.addRow([item, definition]);
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** A file name for the export: la-return-2024-25-autumn-100001.csv. */
export function laFileName(options: LaExportOptions, extension: 'csv' | 'xlsx'): string {
	const parts = ['la-return', options.year.replace('/', '-'), options.term ?? 'year', options.school ?? 'all-schools'];
	if (options.nationalCohort) parts.push('national-cohort');
	return `${parts.join('-')}.${extension}`;
}

export { ukDate };
