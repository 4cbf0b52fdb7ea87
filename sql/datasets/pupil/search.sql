-- Pupil search, for the "Find a pupil" page: pupils on roll at some time at the chosen school (any school
-- when $school is NULL) whose UPN starts with the search text (with or without its letter) or whose name contains it (forename surname
-- or surname forename, ignoring case), with each one's absence over the chosen range from pupil_absence.
-- Without search text: the pupils with the highest absence rate over the range (those with a possible
-- session in it). Grain: one row per pupil enrolment (school × pupil); at most 50 rows, and `total` says
-- how many matched. The text is compared as a value (starts_with / contains), never as a pattern.
-- Parameters: $q (search text, '' or NULL for none) and the dashboard filters: the range and school;
-- year group and cohort as filtered_marks applies them (the pupil's group as of $from).
WITH wanted AS (
	SELECT nullif(lower(trim($q::VARCHAR)), '') AS q
),
matches AS (
	SELECT e.school_urn, p.pupil_id, p.upn, p.forename, p.surname, p.form
	FROM pupils p
	JOIN enrolment_spans e ON e.pupil_id = p.pupil_id, wanted w
	WHERE ($school::INTEGER IS NULL OR e.school_urn = $school::INTEGER)
		AND (w.q IS NULL
			OR starts_with(lower(p.upn), w.q)
			OR starts_with(substr(p.upn, 2), w.q)
			OR contains(lower(concat_ws(' ', p.forename, p.surname)), w.q)
			OR contains(lower(concat_ws(' ', p.surname, p.forename)), w.q)
			OR contains(lower(concat_ws(', ', p.surname, p.forename)), w.q))
		AND p.pupil_id IN (SELECT pupil_id FROM filtered_pupils($from::DATE, year_group := $year_group::VARCHAR,
			cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR))
),
found AS (
	SELECT
		m.upn,
		m.forename,
		m.surname,
		m.school_urn,
		coalesce(s.name, 'School ' || m.school_urn) AS school_name,
		yg.value AS year_group,
		m.form,
		a.possible_sessions,
		a.absent_sessions::INTEGER AS absent_sessions,
		a.absence_rate,
		a.persistent,
		a.severe
	FROM matches m
	LEFT JOIN pupil_absence($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) a
		ON a.pupil_id = m.pupil_id AND a.school_urn = m.school_urn
	LEFT JOIN pupil_cohorts($from::DATE) yg ON yg.pupil_id = m.pupil_id AND yg.dimension = 'year_group'
	LEFT JOIN schools s ON s.urn = m.school_urn
	WHERE (SELECT q FROM wanted) IS NOT NULL OR a.possible_sessions IS NOT NULL
)
SELECT *, count(*) OVER ()::INTEGER AS total
FROM found
ORDER BY
	CASE WHEN (SELECT q FROM wanted) IS NULL THEN absence_rate END DESC NULLS LAST,
	lower(upn) = (SELECT q FROM wanted) DESC,
	surname, forename, upn, school_urn
LIMIT 50;
