// The governors' pack's figures as one CSV, for the clerk's own papers: the same numbers as the page,
// withheld ones as 'c'. Tidy: one figure a row (section, group, measure, period, pupils, value), the
// pack's provenance (school, half-term, metric version, data-to date: the last marked date) first.
import { absenceShares, attendanceShown, figure, percentFigure, pointsDiff, rowShares } from '../../catalog/format';
import { toCsv } from '../../csv';
import { SUPPRESSED } from '../suppression';
import type { Pack, PackFigures } from '.';

const COLUMNS = ['section', 'dimension', 'group', 'measure', 'period', 'pupils', 'value', 'unit'];

/** A fraction as a percentage to one decimal place, as the page shows it; 'c' where withheld. */
const percent = (v: number | null | undefined) => (v === undefined ? '' : v === null ? SUPPRESSED : percentFigure(v));
const count = (v: number | null | undefined) => (v === undefined ? '' : v === null ? SUPPRESSED : v);

const HEADLINE: [keyof PackFigures, string][] = [
	['attendance_rate', 'attendance'],
	['authorised_absence_rate', 'authorised_absence'],
	['unauthorised_absence_rate', 'unauthorised_absence'],
	['persistent_percent', 'persistent_absence'],
	['severe_percent', 'severe_absence']
];

export function packCsv(pack: Pack): string {
	const rows: Record<string, unknown>[] = [];
	const about = (measure: string, value: unknown) => rows.push({ section: 'about', measure, value });
	about('school', pack.school.name);
	about('school_urn', pack.school.urn ?? 'trust');
	about('half_term', `${pack.halfTerm.half_term} ${pack.halfTerm.academic_year}`);
	about('half_term_start', pack.halfTerm.start_date);
	about('half_term_end', pack.halfTerm.end_date);
	about('metric_version', pack.provenance.metricVersion);
	about('data_to', pack.provenance.dataTo);
	about('generated_at', pack.provenance.generatedAt);
	about('attendance_target_percent', pack.target.target_percent);
	const periods: [string, PackFigures | null][] = [
		['half_term', pack.headline.halfTerm],
		['previous_half_term', pack.headline.previous],
		['year_to_date', pack.headline.yearToDate]
	];
	for (const [period, figures] of periods) {
		// attendance, authorised and unauthorised absence as shown, adding up
		const f = rowShares(figures);
		if (!f) continue;
		for (const [key, measure] of HEADLINE) rows.push({ section: 'headline', measure, period, pupils: count(f.pupils), value: percent(f[key] as number | null), unit: '%' });
	}
	if (pack.national) {
		const n = pack.national;
		const shares = absenceShares({ overall: n.overall, authorised: n.authorised, unauthorised: n.unauthorised });
		const national: [string, number | null][] = [
			['attendance', shares.attendance], ['authorised_absence', shares.authorised], ['unauthorised_absence', shares.unauthorised],
			['persistent_absence', n.persistent], ['severe_absence', n.severe]
		];
		for (const [measure, v] of national)
			if (v !== null) rows.push({ section: 'national', measure, period: `${n.period} (${n.school_type})`, value: percentFigure(v), unit: '%' });
	}
	for (const p of pack.trend)
		for (const [key, measure] of [['attendance_rate', 'attendance'], ['persistent_percent', 'persistent_absence'], ['severe_percent', 'severe_absence']] as const)
			rows.push({ section: 'trend', measure, period: `${p.label} ${p.academic_year}`, pupils: count(p.pupils), value: percent(key === 'attendance_rate' ? attendanceShown(p[key]) : p[key]), unit: '%' });
	for (const c of pack.cohorts) {
		const group = { section: 'groups', dimension: c.dimension, group: c.value };
		rows.push({ ...group, measure: 'absence', period: 'half_term', pupils: count(c.pupils), value: percent(c.absence_rate), unit: '%' });
		rows.push({ ...group, measure: 'persistent_absence', period: 'half_term', pupils: count(c.pupils), value: percent(c.persistent_percent), unit: '%' });
		// the gap as the difference of the two figures as shown
		const gap = c.gap_to_rest_persistent_points === null ? null : pointsDiff(c.persistent_percent, c.rest_persistent_percent);
		rows.push({ ...group, measure: 'persistent_gap_to_rest', period: 'half_term', pupils: count(c.pupils), value: gap === null ? SUPPRESSED : figure(gap), unit: 'points' });
		rows.push({ ...group, measure: 'severe_absence', period: 'half_term', pupils: count(c.pupils), value: percent(c.severe_percent), unit: '%' });
		if (c.previous_pupils !== null || c.previous_persistent_percent !== null)
			rows.push({ ...group, measure: 'persistent_absence', period: 'previous_half_term', pupils: count(c.previous_pupils), value: percent(c.previous_persistent_percent), unit: '%' });
		rows.push({ ...group, measure: 'persistent_absence', period: 'year_to_date', pupils: count(c.year_pupils), value: percent(c.year_persistent_percent), unit: '%' });
	}
	for (const s of pack.sentences) rows.push({ section: 'changes', measure: s.measure, dimension: s.group?.dimension, group: s.group?.value, value: s.text, unit: 'points', pupils: '', period: figure(s.points) });
	return toCsv(rows, COLUMNS);
}
