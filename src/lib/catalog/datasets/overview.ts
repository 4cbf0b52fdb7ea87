import { cols } from '../columns';
import { defineDataset } from '../define';
import { param } from '../params';

export const GRAINS = ['half_term', 'term', 'year', 'year_to_date'] as const;

/** The Overview view (sql/datasets/overview/). */
export const OVERVIEW = {
	/** One row per half-term, term and academic year of the chosen year and the two before (see the SQL). */
	periods: defineDataset({
		title: 'Attendance and absence by half-term, term and year, against national and LA figures',
		source: { sql: 'datasets/overview/periods' },
		params: { grains: param.choices(GRAINS) },
		columns: {
			grain: { type: 'text', format: 'text', label: 'Grain' },
			academic_year: { type: 'text', format: 'text', label: 'Academic year' },
			label: { type: 'text', format: 'text', label: 'Label' },
			term: { type: 'text', format: 'text', label: 'Term' },
			...cols('start_date', 'end_date', 'pupils', 'possible_sessions', 'absent_sessions', 'authorised_sessions', 'unauthorised_sessions', 'attendance_rate'),
			overall_absence_rate: { type: 'number', format: 'percent', label: 'Overall absence rate' },
			authorised_absence_rate: { type: 'number', format: 'percent', label: 'Authorised absence rate' },
			unauthorised_absence_rate: { type: 'number', format: 'percent', label: 'Unauthorised absence rate' },
			...cols('persistent_pupils', 'severe_pupils', 'persistent_percent', 'severe_percent'),
			days_missed_per_pupil: { type: 'number', format: 'days', label: 'Days missed per pupil' },
			calendar: { type: 'text', format: 'text', label: 'Calendar' },
			national_overall_absence_rate: { type: 'number', format: 'percent', label: 'National overall absence rate' },
			national_authorised_absence_rate: { type: 'number', format: 'percent', label: 'National authorised absence rate' },
			national_unauthorised_absence_rate: { type: 'number', format: 'percent', label: 'National unauthorised absence rate' },
			...cols('national_persistent_percent'),
			national_severe_percent: { type: 'number', format: 'percent', label: 'National severe percent' },
			...cols('national_source', 'national_period'),
			national_school_type: { type: 'text', format: 'text', label: 'National school type' },
			la_overall_absence_rate: { type: 'number', format: 'percent', label: 'LA overall absence rate' },
			la_authorised_absence_rate: { type: 'number', format: 'percent', label: 'LA authorised absence rate' },
			la_unauthorised_absence_rate: { type: 'number', format: 'percent', label: 'LA unauthorised absence rate' },
			la_persistent_percent: { type: 'number', format: 'percent', label: 'LA persistent percent' },
			la_severe_percent: { type: 'number', format: 'percent', label: 'LA severe percent' },
			...cols('la_source', 'la_period', 'la_area')
		},
		// Half-terms add up to their term (and terms to the year): a withheld half-term takes another with it.
		suppress: {
			pupils: 'pupils',
			cells: [
				'pupils', 'possible_sessions', 'absent_sessions', 'authorised_sessions', 'unauthorised_sessions', 'attendance_rate',
				'overall_absence_rate', 'authorised_absence_rate', 'unauthorised_absence_rate', 'days_missed_per_pupil'
			],
			counts: [
				{ pupils: 'persistent_pupils', cells: ['persistent_pupils', 'persistent_percent'] },
				{ pupils: 'severe_pupils', cells: ['severe_pupils', 'severe_percent'] }
			],
			groupBy: ['academic_year', 'term'],
			isTotal: (row) => row.grain === 'term' || row.grain === 'year'
		}
	})
};
