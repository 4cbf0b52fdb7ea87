-- Pupil marks: every session mark of one pupil over the chosen range, for the calendar heat map (a pupil
-- page may have that one pupil's marks; no other view gets raw marks).
-- Grain: one row per school × date × session (AM/PM). category: the code's statistical category
-- (present, aea, authorised, unauthorised, not_possible) from the national code table; meaning: the
-- code's meaning; minutes_late as the register gave it (L and U marks); amended: the mark has been
-- changed since it was first recorded (see the mark history).
-- Parameters: $upn and the dashboard filters, applied by filtered_marks.
SELECT
	m.date,
	m.session::VARCHAR AS session,
	m.code::VARCHAR AS code,
	m.category::VARCHAR AS category,
	c.meaning,
	m.minutes_late::INTEGER AS minutes_late,
	m.school_urn,
	m.import_id,
	EXISTS (
		SELECT 1 FROM mark_history h
		WHERE h.school_urn = m.school_urn AND h.pupil_id = m.pupil_id AND h.date = m.date AND h.session = m.session
	) AS amended
FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
	cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) m
JOIN codes c ON c.code = m.code
WHERE m.pupil_id = (SELECT pupil_id FROM pupils WHERE upn = $upn::VARCHAR)
	AND in_scope(m.school_urn, $schools::VARCHAR)
ORDER BY m.date, m.session, m.school_urn;
