-- list part-time: pupils on a part-time timetable this academic year (code C2, "leave of absence for a
-- compulsory school age pupil subject to a part-time timetable", School Attendance (Pupil Registration)
-- (England) Regulations 2024, from 19 Aug 2024; "Working together to improve school attendance", DfE 2024:
-- part-time timetables must be temporary and reviewed), with their sessions so far (1 September to $on):
-- C2 sessions, the first and latest, and possible / attended sessions. Latest C2 first. Params: $on, $school.
-- Only pupils on roll on $on (on_roll: sql/rules/on_roll.sql); a leaver drops off the list after leaving.
SELECT
	p.upn,
	m.c2_sessions,
	m.first_c2_date,
	m.latest_c2_date,
	m.possible_sessions,
	m.attended_sessions,
	m.other_absent_sessions,
	m.school_urn
FROM (
	-- per pupil enrolment, only for the pupils with a C2 mark this year
	SELECT m.school_urn, m.pupil_id,
		(count(*) FILTER (WHERE m.code = 'C2'))::INTEGER AS c2_sessions,
		min(m.date) FILTER (WHERE m.code = 'C2') AS first_c2_date,
		max(m.date) FILTER (WHERE m.code = 'C2') AS latest_c2_date,
		(count(*) FILTER (WHERE m.possible))::INTEGER AS possible_sessions,
		(count(*) FILTER (WHERE m.attended))::INTEGER AS attended_sessions,
		(count(*) FILTER (WHERE m.absent AND m.code <> 'C2'))::INTEGER AS other_absent_sessions
	FROM filtered_marks(academic_year_start($on::DATE), $on::DATE, $school::INTEGER) m
	SEMI JOIN (
		SELECT DISTINCT school_urn, pupil_id FROM marks
		WHERE code = 'C2' AND date BETWEEN academic_year_start($on::DATE) AND $on::DATE
			AND ($school::INTEGER IS NULL OR school_urn = $school::INTEGER)
	) c ON c.school_urn = m.school_urn AND c.pupil_id = m.pupil_id
	GROUP BY m.school_urn, m.pupil_id
) m
JOIN pupils p ON p.pupil_id = m.pupil_id
SEMI JOIN on_roll($on::DATE, school := $school::INTEGER) roll ON roll.school_urn = m.school_urn AND roll.pupil_id = m.pupil_id
ORDER BY m.latest_c2_date DESC, m.c2_sessions DESC, p.upn, m.school_urn;
