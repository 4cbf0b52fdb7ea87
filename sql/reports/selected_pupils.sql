-- How many pupils the dashboard's filters select: on roll at the school (or any school) at some time in the
-- range, in the year group and cohort (as of $from) the filters name. The responder refuses a filter that selects
-- fewer pupils than the small-number threshold to roles that see aggregates only.
SELECT count(*)::INTEGER AS pupils
FROM filtered_pupils($from::DATE, year_group := $year_group::VARCHAR, cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) f
WHERE f.pupil_id IN (
	SELECT pupil_id FROM enrolment_spans
	WHERE start_date <= $to::DATE AND end_date >= $from::DATE
		AND ($school::INTEGER IS NULL OR school_urn = $school::INTEGER));
