-- report pupils: one row per pupil enrolment with possible sessions in the range.
SELECT
	p.upn,
	a.possible_sessions,
	a.present_sessions,
	a.aea_sessions,
	a.authorised_sessions,
	a.unauthorised_sessions,
	a.absence_rate,
	a.persistent,
	a.severe
FROM pupil_absence($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR, cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) a
JOIN pupils p USING (pupil_id)
ORDER BY p.upn, a.school_urn;
