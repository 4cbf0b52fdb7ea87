-- list daily: the first-day calls: pupils with a session coded N (no reason yet) on $on, with their
-- vulnerability flags (looked after, child in need, child protection plan, EHC plan) and the school days
-- absent in a row up to $on (every possible session an absence; school days from list_school_days). A home
-- visit is due after more than $home_visit_days (4) days in a row ("Working together to improve school
-- attendance", DfE 2024: first-day calling and home visits; vulnerable pupils first).
-- Vulnerable first, then most days in a row. Params: $on, $school, $home_visit_days.
-- Only pupils on roll on $on (on_roll: sql/rules/on_roll.sql); a leaver drops off the list after leaving.
WITH days AS (SELECT * FROM list_school_days($school::INTEGER, $on::DATE)),
last_day AS (SELECT school_urn, max(day_no) AS day_no FROM days GROUP BY school_urn),
today AS (
	SELECT m.school_urn, m.pupil_id, string_agg(m.session::VARCHAR, ' ' ORDER BY m.session) AS sessions
	FROM marks m
	WHERE m.date = $on::DATE AND m.code = 'N' AND ($school::INTEGER IS NULL OR m.school_urn = $school::INTEGER)
	GROUP BY m.school_urn, m.pupil_id
),
absent_days AS (
	SELECT pd.school_urn, pd.pupil_id, d.day_no,
		d.day_no - row_number() OVER (PARTITION BY pd.school_urn, pd.pupil_id ORDER BY d.day_no) AS run
	FROM list_pupil_days($school::INTEGER, DATE '0001-01-01', $on::DATE) pd
	JOIN today t ON t.school_urn = pd.school_urn AND t.pupil_id = pd.pupil_id
	JOIN days d ON d.school_urn = pd.school_urn AND d.date = pd.date
	WHERE pd.absent > 0 AND pd.absent = pd.possible
),
in_a_row AS (
	SELECT a.school_urn, a.pupil_id, count(*)::INTEGER AS days
	FROM absent_days a JOIN last_day l ON l.school_urn = a.school_urn
	GROUP BY a.school_urn, a.pupil_id, a.run, l.day_no
	HAVING max(a.day_no) = l.day_no
)
SELECT
	p.upn,
	p.forename,
	p.surname,
	t.sessions AS n_sessions,
	coalesce(r.days, 0) AS days_absent_in_row,
	coalesce(r.days, 0) > $home_visit_days::INTEGER AS home_visit,
	coalesce(p.cla, false) AS cla,
	coalesce(p.child_in_need, false) AS child_in_need,
	coalesce(p.child_protection_plan, false) AS child_protection_plan,
	coalesce(p.sen = 'E', false) AS ehcp,
	t.school_urn
FROM today t
JOIN pupils p ON p.pupil_id = t.pupil_id
SEMI JOIN on_roll($on::DATE, school := $school::INTEGER) roll ON roll.school_urn = t.school_urn AND roll.pupil_id = t.pupil_id
LEFT JOIN in_a_row r ON r.school_urn = t.school_urn AND r.pupil_id = t.pupil_id
ORDER BY coalesce(p.cla OR p.child_in_need OR p.child_protection_plan OR p.sen = 'E', false) DESC,
	days_absent_in_row DESC, p.upn, t.school_urn;
