-- list unresolved-n: N codes ("reason for absence not yet provided") still held more than $days (5) school
-- days after the session, as of $on. The school should establish the reason and replace the N, usually
-- within 5 school days ("Working together to improve school attendance", DfE 2024; School Attendance
-- (Pupil Registration) (England) Regulations 2024, code N). Age = the school's school days after the
-- session's date up to $on (list_school_days); an N is listed when its age exceeds $days.
-- Ns of the academic year of $on only. One row per pupil: the overdue N sessions, the oldest and its age. Oldest first. Params: $on, $school, $days.
-- Only pupils on roll on $on (on_roll: sql/rules/on_roll.sql); a leaver drops off the list after leaving.
WITH days AS (SELECT * FROM list_school_days($school::INTEGER, $on::DATE)),
last_day AS (SELECT school_urn, max(day_no) AS day_no FROM days GROUP BY school_urn),
overdue AS (
	SELECT m.school_urn, m.pupil_id, m.date, m.session, l.day_no - d.day_no AS age
	FROM marks m
	JOIN days d ON d.school_urn = m.school_urn AND d.date = m.date
	JOIN last_day l ON l.school_urn = m.school_urn
	WHERE m.code = 'N' AND m.date BETWEEN academic_year_start($on::DATE) AND $on::DATE AND l.day_no - d.day_no > $days::INTEGER
)
SELECT
	p.upn,
	count(*)::INTEGER AS unresolved_sessions,
	min(o.date) AS oldest_date,
	max(o.age)::INTEGER AS oldest_age_school_days,
	max(o.date) AS latest_date,
	string_agg(strftime(o.date, '%Y-%m-%d') || ' ' || o.session, '; ' ORDER BY o.date, o.session) AS sessions,
	o.school_urn
FROM overdue o JOIN pupils p ON p.pupil_id = o.pupil_id
SEMI JOIN on_roll($on::DATE, school := $school::INTEGER) roll ON roll.school_urn = o.school_urn AND roll.pupil_id = o.pupil_id
GROUP BY p.upn, o.school_urn
ORDER BY oldest_age_school_days DESC, p.upn, o.school_urn;
