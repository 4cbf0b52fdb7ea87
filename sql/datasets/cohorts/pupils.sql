-- Cohorts, pupils: the pupils of one group (dimension = value), or of one cell of two groups crossed, with
-- their absence over the range. Pupil-level data (names and UPNs).
-- Grain: pupil enrolment (school × pupil) with at least one possible session in the range, as pupil_absence
-- counts them, so the list holds exactly the pupils counted in by_dimension and crossed.
-- Units: sessions; absence_rate is a fraction. Persistent: absent × 10 ≥ possible; severe: absent × 2 ≥
-- possible (pupil_absence). Year group is pupil_cohorts' year group as of $from.
-- Parameters: the dashboard filters; $group_dimension / $group_value: the group; $group_dimension2 /
-- $group_value2: a second group for a crossed cell, or NULL. Dimensions are checked by the endpoint.
WITH absence AS (
	SELECT *
	FROM pupil_absence($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
),
cohorts AS (
	SELECT pupil_id, dimension, value FROM pupil_cohorts($from::DATE)
)
SELECT
	p.upn,
	concat_ws(' ', p.forename, p.surname) AS name,
	yg.value AS year_group,
	a.school_urn,
	coalesce(s.name, 'School ' || a.school_urn) AS school_name,
	a.possible_sessions,
	a.absent_sessions,
	a.authorised_sessions,
	a.unauthorised_sessions,
	a.absence_rate,
	a.persistent,
	a.severe
FROM absence a
JOIN pupils p ON p.pupil_id = a.pupil_id
LEFT JOIN schools s ON s.urn = a.school_urn
LEFT JOIN cohorts yg ON yg.pupil_id = a.pupil_id AND yg.dimension = 'year_group'
WHERE a.pupil_id IN (
		SELECT pupil_id FROM cohorts WHERE dimension = $group_dimension::VARCHAR AND value = $group_value::VARCHAR)
	AND ($group_dimension2::VARCHAR IS NULL OR a.pupil_id IN (
		SELECT pupil_id FROM cohorts WHERE dimension = $group_dimension2::VARCHAR AND value = $group_value2::VARCHAR))
ORDER BY a.absence_rate DESC, p.upn, a.school_urn;
