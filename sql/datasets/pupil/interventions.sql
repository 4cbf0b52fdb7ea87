-- Pupil interventions: the attendance interventions of one pupil (letters, meetings, contracts, referrals,
-- penalty notices, …) that were open at some time in the chosen range: started on or before $to and not
-- ended before $from (an intervention without an end date counts as open until its review date, or on
-- its start date only when it has neither).
-- Grain: one row per intervention, by start date. Dates are inclusive.
-- Parameters: $upn and the dashboard filters: the range, the school (interventions logged for another
-- school are left out; those logged with no school are kept), year group and cohort as filtered_marks
-- applies them (the pupil's group as of $from).
WITH chosen AS (
	SELECT pupil_id FROM chosen_pupil($upn::VARCHAR, $from::DATE, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
)
SELECT
	v.intervention_id,
	v.type,
	v.start_date,
	v.end_date,
	v.review_date,
	v.target,
	v.notes,
	v.staff,
	v.school_urn
FROM interventions v
WHERE v.pupil_id = (SELECT pupil_id FROM chosen)
	AND v.start_date <= $to::DATE
	AND coalesce(v.end_date, v.review_date, v.start_date) >= $from::DATE
	AND ($school::INTEGER IS NULL OR v.school_urn IS NULL OR v.school_urn = $school::INTEGER)
	AND in_scope(v.school_urn, $schools::VARCHAR)
ORDER BY v.start_date, v.intervention_id;
