import { cols } from '../columns';
import { defineDataset } from '../define';

/** The pupil page's datasets, about one pupil (the UPN in the path): pupil-level, each with the dashboard filters. */
export const PUPIL = {
	'year-to-date': defineDataset({
		title: 'The pupil’s attendance this year, by school',
		source: { sql: 'datasets/pupil/year_to_date' },
		params: {},
		pathParam: 'upn',
		columns: {
			...cols('school_urn', 'school_name', 'possible_sessions'),
			present_sessions: { type: 'integer', format: 'count', label: 'Present sessions' },
			aea_sessions: { type: 'integer', format: 'count', label: 'AEA sessions' },
			...cols('authorised_sessions', 'unauthorised_sessions', 'absent_sessions', 'absence_rate', 'attendance_rate'),
			days_missed: { type: 'number', format: 'days', label: 'Days missed' },
			...cols('persistent', 'severe', 'late_sessions'),
			late_minutes: { type: 'integer', format: 'count', label: 'Late minutes' },
			...cols('late_after_close_sessions'),
			late_after_close_minutes: { type: 'integer', format: 'count', label: 'Late after close minutes' }
		},
		pupilLevel: true
	}),
	marks: defineDataset({
		title: 'Every mark of the pupil',
		source: { sql: 'datasets/pupil/marks' },
		params: {},
		pathParam: 'upn',
		columns: {
			...cols('date', 'session', 'code', 'category', 'meaning'),
			minutes_late: { type: 'integer', format: 'count', label: 'Minutes late' },
			...cols('school_urn', 'import_id'),
			amended: { type: 'boolean', format: 'flag', label: 'Amended' }
		},
		pupilLevel: true
	}),
	rolling: defineDataset({
		title: 'Rolling and year-to-date attendance day by day',
		source: { sql: 'datasets/pupil/rolling' },
		params: {},
		pathParam: 'upn',
		columns: {
			...cols('date', 'possible_sessions', 'absent_sessions'),
			rolling_days: { type: 'integer', format: 'count', label: 'Rolling days' },
			rolling_possible: { type: 'integer', format: 'count', label: 'Rolling possible' },
			rolling_absent: { type: 'integer', format: 'count', label: 'Rolling absent' },
			rolling_attendance: { type: 'number', format: 'percent', label: 'Rolling attendance' },
			ytd_possible: { type: 'integer', format: 'count', label: 'Possible sessions this year' },
			ytd_absent: { type: 'integer', format: 'count', label: 'Absent sessions this year' },
			ytd_attendance: { type: 'number', format: 'percent', label: 'Attendance this year' }
		},
		pupilLevel: true
	}),
	history: defineDataset({
		title: 'Amendments to the pupil’s marks',
		source: { sql: 'datasets/pupil/history' },
		params: {},
		pathParam: 'upn',
		columns: {
			...cols('date', 'session'),
			previous_code: { type: 'text', format: 'text', label: 'Previous code' },
			new_code: { type: 'text', format: 'text', label: 'New code' },
			previous_minutes_late: { type: 'integer', format: 'count', label: 'Previous minutes late' },
			new_minutes_late: { type: 'integer', format: 'count', label: 'New minutes late' },
			previous_import_id: { type: 'integer', format: 'integer', label: 'Previous import id' },
			previous_file_name: { type: 'text', format: 'text', label: 'Previous file name' },
			...cols('import_id', 'file_name'),
			changed_at: { type: 'timestamp', format: 'timestamp', label: 'Changed at' },
			reason: { type: 'text', format: 'text', label: 'Reason' },
			author: { type: 'text', format: 'text', label: 'Author' },
			...cols('school_urn')
		},
		pupilLevel: true
	}),
	interventions: defineDataset({
		title: 'The pupil’s interventions',
		source: { sql: 'datasets/pupil/interventions' },
		params: {},
		pathParam: 'upn',
		columns: {
			...cols('intervention_id'),
			type: { type: 'text', format: 'text', label: 'Type' },
			...cols('start_date', 'end_date', 'review_date', 'target', 'notes', 'staff', 'school_urn')
		},
		pupilLevel: true
	}),
};
