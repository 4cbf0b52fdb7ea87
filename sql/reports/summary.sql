-- report summary: the whole-school (or trust) figures for the range.
SELECT
	pupils,
	possible_sessions,
	authorised_sessions,
	unauthorised_sessions,
	overall_absence_rate,
	persistent_pupils,
	severe_pupils
FROM school_summary($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR, cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR);
