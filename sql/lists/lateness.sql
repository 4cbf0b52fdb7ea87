-- list lateness: persistent lateness from $since (default the start of the academic year of $on) to $on:
-- pupils with $min_late (10) or more late sessions, L (late before registers closed: present) and U (after
-- registers closed: unauthorised absence) counted apart, with the minutes late where the register export gave
-- them (School Attendance (Pupil Registration) (England) Regulations 2024, codes L and U; school policies).
-- Most late sessions first. Params: $on, $school, $since, $min_late.
SELECT
	p.upn,
	(count(*) FILTER (WHERE m.code IN ('L', 'U')))::INTEGER AS late_total,
	(count(*) FILTER (WHERE m.code = 'L'))::INTEGER AS late_sessions,
	(count(*) FILTER (WHERE m.code = 'U'))::INTEGER AS late_after_close_sessions,
	(sum(m.minutes_late) FILTER (WHERE m.code IN ('L', 'U')))::INTEGER AS minutes_late,
	(count(m.minutes_late) FILTER (WHERE m.code IN ('L', 'U')))::INTEGER AS sessions_with_minutes,
	max(m.date) FILTER (WHERE m.code IN ('L', 'U')) AS latest_late_date,
	m.school_urn
FROM filtered_marks(coalesce($since::DATE, academic_year_start($on::DATE)), $on::DATE, $school::INTEGER) m
JOIN pupils p ON p.pupil_id = m.pupil_id
GROUP BY p.upn, m.school_urn
HAVING count(*) FILTER (WHERE m.code IN ('L', 'U')) >= $min_late::INTEGER
ORDER BY late_total DESC, p.upn, m.school_urn;
