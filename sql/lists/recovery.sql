-- list recovery: for each pupil below $target_low (0.90) this academic year (1 September to $on), the sessions
-- they must attend to finish the year at or above $target_low and at or above $target_high (0.95), or "no
-- longer possible". Sessions left = 2 x the weekdays after $on within the year's term dates (list_terms);
-- needed = ceil(target x (possible + left) - attended), exact (DECIMAL); possible while needed <= left. Without
-- term dates for the year the outlook is unknown (NULL). Attendance = (present + approved activity) / possible;
-- DfE persistent absence (10%+) is attendance at or below 90%. Lowest first.
-- Params: $on, $school, $target_low, $target_high.
-- Only pupils on roll on $on (on_roll: sql/rules/on_roll.sql); a leaver drops off the list after leaving.
WITH terms AS (SELECT * FROM list_terms($school::INTEGER)
	WHERE start_date >= academic_year_start($on::DATE) AND start_date < academic_year_start($on::DATE) + INTERVAL 1 YEAR),
left_days AS (
	SELECT s.urn AS school_urn,
		CASE WHEN EXISTS (SELECT 1 FROM terms t WHERE t.school_urn = s.urn) THEN
			(SELECT count(DISTINCT d) FROM terms t,
				(SELECT unnest(generate_series(greatest(t.start_date, $on::DATE + 1), t.end_date, INTERVAL 1 DAY))::DATE AS d)
				WHERE t.school_urn = s.urn AND isodow(d) <= 5)
		END AS days
	FROM schools s
	WHERE $school::INTEGER IS NULL OR s.urn = $school::INTEGER
),
counts AS (
	SELECT m.school_urn, m.pupil_id,
		coalesce(sum(m.possible), 0)::INTEGER AS possible,
		coalesce(sum((m.present + m.aea)), 0)::INTEGER AS attended
	FROM filtered_pupil_days(academic_year_start($on::DATE), $on::DATE, $school::INTEGER) m
	GROUP BY m.school_urn, m.pupil_id
	HAVING coalesce(sum(m.possible), 0)::BIGINT > 0
		AND coalesce(sum((m.present + m.aea)), 0)::BIGINT < $target_low::DECIMAL(6, 4) * coalesce(sum(m.possible), 0)::BIGINT
),
needs AS (
	SELECT c.*, l.days::INTEGER AS school_days_left, (2 * l.days)::INTEGER AS sessions_left,
		greatest(ceil($target_low::DECIMAL(6, 4) * (c.possible + 2 * l.days) - c.attended), 0)::INTEGER AS need_low,
		greatest(ceil($target_high::DECIMAL(6, 4) * (c.possible + 2 * l.days) - c.attended), 0)::INTEGER AS need_high
	FROM counts c JOIN left_days l ON l.school_urn = c.school_urn
)
SELECT
	p.upn,
	n.attended::DOUBLE / n.possible AS attendance_rate,
	n.attended AS attended_sessions,
	n.possible AS possible_sessions,
	n.school_days_left,
	n.sessions_left,
	CASE WHEN n.need_low <= n.sessions_left THEN n.need_low END AS sessions_needed_low,
	CASE WHEN n.sessions_left IS NULL THEN NULL WHEN n.need_low <= n.sessions_left
		THEN 'attend ' || n.need_low || ' of ' || n.sessions_left || ' sessions in ' || n.school_days_left || ' school days'
		ELSE 'no longer possible' END AS outlook_low,
	CASE WHEN n.need_high <= n.sessions_left THEN n.need_high END AS sessions_needed_high,
	CASE WHEN n.sessions_left IS NULL THEN NULL WHEN n.need_high <= n.sessions_left
		THEN 'attend ' || n.need_high || ' of ' || n.sessions_left || ' sessions in ' || n.school_days_left || ' school days'
		ELSE 'no longer possible' END AS outlook_high,
	n.school_urn
FROM needs n
JOIN pupils p ON p.pupil_id = n.pupil_id
SEMI JOIN on_roll($on::DATE, school := $school::INTEGER) roll ON roll.school_urn = n.school_urn AND roll.pupil_id = n.pupil_id
ORDER BY attendance_rate, p.upn, n.school_urn;
