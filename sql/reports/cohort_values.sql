-- The groups of every cohort dimension among pupils on roll in the range, for the filter bar.
SELECT c.dimension, c.value, min(c.sort_key) AS sort_key, count(DISTINCT c.pupil_id)::INTEGER AS pupils
FROM pupil_cohorts($from::DATE) c
WHERE c.pupil_id IN (
	SELECT pupil_id FROM enrolment_spans
	WHERE start_date <= $to::DATE AND end_date >= $from::DATE
		AND ($school::INTEGER IS NULL OR school_urn = $school::INTEGER))
GROUP BY c.dimension, c.value
ORDER BY c.dimension, sort_key;
