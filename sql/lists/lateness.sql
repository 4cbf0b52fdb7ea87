-- list lateness: persistent lateness from $since (default the start of the academic year of $on) to $on:
-- pupils with $min_late (10) or more late sessions, L (late before registers closed: present) and U (after
-- registers closed: unauthorised absence) counted apart, with the minutes late where the register export gave
-- them (School Attendance (Pupil Registration) (England) Regulations 2024, codes L and U; school policies).
-- Most late sessions first. Params: $on, $school, $since, $min_late.
-- Only pupils on roll on $on (on_roll: sql/rules/on_roll.sql); a leaver drops off the list after leaving.
SELECT
	p.upn,
	m.late_total,
	m.late_sessions,
	m.late_after_close_sessions,
	m.minutes_late,
	m.sessions_with_minutes,
	m.latest_late_date,
	m.school_urn
FROM (
	-- only the L and U marks, per pupil enrolment (min_late is at least 1)
	SELECT m.school_urn, m.pupil_id,
		count(*)::INTEGER AS late_total,
		(count(*) FILTER (WHERE m.late))::INTEGER AS late_sessions,
		(count(*) FILTER (WHERE m.late_after_close))::INTEGER AS late_after_close_sessions,
		sum(m.minutes_late)::INTEGER AS minutes_late,
		count(m.minutes_late)::INTEGER AS sessions_with_minutes,
		max(m.date) AS latest_late_date
	FROM filtered_marks(coalesce($since::DATE, academic_year_start($on::DATE)), $on::DATE, $school::INTEGER) m
	WHERE m.late OR m.late_after_close
	GROUP BY m.school_urn, m.pupil_id
	HAVING count(*) >= $min_late::INTEGER
) m
JOIN pupils p ON p.pupil_id = m.pupil_id
SEMI JOIN on_roll($on::DATE, school := $school::INTEGER) roll ON roll.school_urn = m.school_urn AND roll.pupil_id = m.pupil_id
ORDER BY m.late_total DESC, p.upn, m.school_urn;
