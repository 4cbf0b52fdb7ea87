-- Pupil year to date: one pupil's sessions and absence over the chosen range (the academic year unless
-- from/to narrow it), from pupil_absence, the measure behind the CLI's `report pupils`, so the figures
-- are the same. Grain: one row per school enrolment of the pupil with a possible session in the range
-- (none when the pupil has no possible session). Units: sessions (two a day), minutes.
-- absence_rate = (authorised + unauthorised) / possible; attendance_rate = 1 - absence_rate (present and
-- approved educational activity); days_missed = absent sessions / 2. persistent, severe: pupil_absence's
-- (is_persistent, is_severe: sql/rules/absence_thresholds.sql). late (L, before registers closed: present) and
-- late_after_close (U: unauthorised absence) with the minutes late the register recorded.
-- Parameters: $upn and the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension,
-- $cohort_value), applied by filtered_marks: a pupil outside the chosen year group or cohort has no row.
WITH chosen AS (
	SELECT pupil_id FROM pupils WHERE upn = $upn::VARCHAR
),
late AS (
	SELECT
		m.school_urn,
		m.pupil_id,
		coalesce(sum(m.minutes_late) FILTER (WHERE m.late), 0)::INTEGER AS late_minutes,
		coalesce(sum(m.minutes_late) FILTER (WHERE m.late_after_close), 0)::INTEGER AS late_after_close_minutes
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) m
	WHERE m.pupil_id = (SELECT pupil_id FROM chosen)
	GROUP BY m.school_urn, m.pupil_id
)
SELECT
	a.school_urn,
	coalesce(s.name, 'School ' || a.school_urn) AS school_name,
	a.possible_sessions,
	a.present_sessions,
	a.aea_sessions,
	a.authorised_sessions,
	a.unauthorised_sessions,
	a.absent_sessions::INTEGER AS absent_sessions,
	a.absence_rate,
	1 - a.absence_rate AS attendance_rate,
	a.absent_sessions / 2.0 AS days_missed,
	a.persistent,
	a.severe,
	a.late_sessions,
	coalesce(l.late_minutes, 0) AS late_minutes,
	a.late_after_close_sessions,
	coalesce(l.late_after_close_minutes, 0) AS late_after_close_minutes
FROM pupil_absence($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
	cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) a
LEFT JOIN late l ON l.school_urn = a.school_urn AND l.pupil_id = a.pupil_id
LEFT JOIN schools s ON s.urn = a.school_urn
WHERE a.pupil_id = (SELECT pupil_id FROM chosen)
	AND in_scope(a.school_urn, $schools::VARCHAR)
ORDER BY a.school_urn;
