// Reports to parents: each pupil's figures for a half-term (attendance, days lost, late marks, authorised
// and unauthorised sessions, the stage of the 19-day staged approach), as a mail-merge CSV and as the
// printable one-page reports of /parents. The product never sends anything: the school merges the CSV
// into its own letters. Pupil-level: callers check the user may see pupils and the school.
import { InputError } from '../../catalog/errors';
import { attendanceShown, figure, percentFigure } from '../../catalog/format';
import { toCsv } from '../../csv';
import { runList } from '../lists';
import { packHalfTerms, pickHalfTerm, type PackHalfTerm } from '../pack';
import { exportProvenance, PROVENANCE_COLUMNS, provenanceColumns } from './provenance';
import type { Warehouse } from '../warehouse';

export interface ParentRow {
	upn: string;
	forename: string | null;
	surname: string | null;
	year_group: string | null;
	form: string | null;
	school_urn: number;
	school_name: string;
	half_term: string;
	academic_year: string;
	half_term_start: string;
	half_term_end: string;
	possible_sessions: number;
	attended_sessions: number;
	authorised_sessions: number;
	unauthorised_sessions: number;
	absent_sessions: number;
	days_lost: number;
	attendance_rate: number;
	/** L: late before the register closed (present). */
	late_sessions: number;
	/** U: late after the register closed (unauthorised absence). */
	late_after_close_sessions: number;
	/** The staged approach on data_to: 'Stage 1' … 'Stage 5', 'Persistent', or null below 4 days this year. */
	stage: string | null;
	/** The metric definitions' version (exports/provenance). */
	metric_version: string;
	/** The last marked date on or before the half-term's end: the figures run to it. */
	data_to: string | null;
}

export interface ParentsOptions {
	/** One school, or null for every school in `schools`. */
	school: number | null;
	/** The schools the caller may see (null: all). */
	schools?: number[] | null;
	/** The half-term's start date or any date in it; null: each school's latest half-term. */
	halfTermDate: string | null;
	yearGroup?: string | null;
	/** Only these pupils (UPNs). */
	upns?: string[] | null;
}

export interface ParentsReport {
	rows: ParentRow[];
	/** The half-term of each school reported on. */
	halfTerms: { school_urn: number; halfTerm: PackHalfTerm; dataTo: string }[];
}

const UPN = /^[A-Z0-9]{13}$/;

/** UPNs from free text (commas, spaces or new lines between them), upper-cased; throws on one that is not a UPN. */
export function parseUpns(text: string | null | undefined): string[] | null {
	const upns = (text ?? '').split(/[\s,;]+/).map((u) => u.trim().toUpperCase()).filter(Boolean);
	if (!upns.length) return null;
	const bad = upns.filter((u) => !UPN.test(u));
	if (bad.length) throw new InputError(`not a UPN (13 letters and digits): ${bad.slice(0, 3).join(', ')}`);
	if (upns.length > 2000) throw new InputError('at most 2,000 UPNs at once');
	return upns;
}

/** Each pupil's figures for the half-term, school by school (each by its own calendar). */
export async function parentsReport(warehouse: Warehouse, options: ParentsOptions): Promise<ParentsReport> {
	const all = (await warehouse.read('reports/schools')) as { urn: number }[];
	const urns = options.school !== null ? [options.school] : all.map((s) => s.urn).filter((u) => !options.schools || options.schools.includes(u));
	const rows: ParentRow[] = [];
	const halfTerms: ParentsReport['halfTerms'] = [];
	for (const urn of urns) {
		const halfTerm = pickHalfTerm(await packHalfTerms(warehouse, urn), options.halfTermDate);
		if (!halfTerm) continue;
		const dataTo = halfTerm.end_date < halfTerm.last_marked ? halfTerm.end_date : halfTerm.last_marked;
		halfTerms.push({ school_urn: urn, halfTerm, dataTo });
		const [pupils, stages, provenance] = await Promise.all([
			warehouse.read('parents/pupils', {
				school: urn, from: halfTerm.start_date, to: dataTo, year_group: options.yearGroup ?? null, upns: options.upns?.join(',') ?? null
			}),
			// the casework list's own rule (sql/lists/stages.sql), as of the last day counted
			runList(warehouse, 'stages', { on: dataTo, school: urn }),
			exportProvenance(warehouse, urn, halfTerm.end_date)
		]);
		const stageOf = new Map(stages.rows.map((s) => [s.upn as string, s]));
		for (const p of pupils) {
			const stage = stageOf.get(p.upn as string);
			rows.push({
				...(p as unknown as ParentRow),
				half_term: halfTerm.half_term,
				academic_year: halfTerm.academic_year,
				half_term_start: halfTerm.start_date,
				half_term_end: halfTerm.end_date,
				days_lost: Number(p.days_lost),
				stage: (stage?.stage_name as string | undefined) ?? null,
				...provenanceColumns(provenance)
			});
		}
	}
	return { rows, halfTerms };
}

/** The mail-merge CSV's columns, in order. */
export const PARENTS_COLUMNS = [
	'upn', 'forename', 'surname', 'year_group', 'form', 'school_urn', 'school_name', 'half_term', 'academic_year', 'half_term_start',
	'half_term_end', 'possible_sessions', 'attended_sessions', 'attendance_percent', 'days_lost', 'authorised_sessions',
	'unauthorised_sessions', 'late_before_close', 'late_after_close', 'late_marks', 'stage', ...PROVENANCE_COLUMNS
] as const;

/** One row per pupil, figures rounded as a letter shows them (percentages and days to one decimal place). */
export function parentsCsv(rows: ParentRow[]): string {
	return toCsv(
		rows.map((r) => ({
			...r,
			attendance_percent: percentFigure(attendanceShown(r.attendance_rate)),
			days_lost: figure(r.days_lost),
			late_before_close: r.late_sessions,
			late_after_close: r.late_after_close_sessions,
			late_marks: r.late_sessions + r.late_after_close_sessions,
			stage: r.stage ?? 'None'
		})),
		[...PARENTS_COLUMNS]
	);
}
