-- Interventions, the log: every intervention open at some time in the chosen period (started on or
-- before $to and not ended before $from; one with no end date is open until it is ended), with its
-- status as of the latest marked day in the period ("today", datasets/interventions/as_of), review overdue
-- when it is open and its review date is before that day, and the pupil's attendance before and since.
-- Grain: one row per intervention. Pupil-level (names, UPNs).
--
-- school: the intervention's school, else the school the pupil was last marked at. status: 'ended' once
-- its end date is before as_of, else 'open' (an end date is the intervention's last day).
-- A pupil who has left that school by as_of (on_roll.sql: the leaving date, else the last mark once the school
-- marks later days without them) is no longer worked: an intervention still open when they left ends on the
-- day they left (end_date is that day, status 'ended', never 'review overdue'); one whose pupil left before
-- $from is not in the period.
-- Attendance = 1 - (authorised + unauthorised) / possible sessions, from the pupil's marks at the
-- intervention's school (whole weeks from pupil_week_totals, the rest by day): before = the $weeks weeks (7 × $weeks calendar days)
-- before the start date; since = from the start date to as_of (whether or not it has ended since).
-- target_rate: the target as a fraction of sessions, read from its text: "N of M sessions" (also
-- "N out of M sessions", "N/M sessions") is N/M, "NN%" (e.g. "95% attendance") is NN/100; any other
-- target is NULL and shows as text with no progress (so is a rate of 0 or above 100%). progress =
-- since_attendance - target_rate (a fraction: +0.02 is 2 percentage points above target); target_met when
-- the sessions attended since the start are at least the target's share of the possible ones.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value:
-- year group and cohort as of $from), $type (a type name or NULL), $status ('open', 'ended', 'overdue' or
-- NULL), $weeks (1-26), $upn (one pupil, or NULL for all).
WITH as_of AS (
	SELECT max(date) AS d FROM school_day_totals
	WHERE date <= $to::DATE AND ($school::INTEGER IS NULL OR school_urn = $school::INTEGER)
),
picked AS (
	SELECT i.*,
		coalesce(i.school_urn, (SELECT e.school_urn FROM enrolments e WHERE e.pupil_id = i.pupil_id
			ORDER BY e.last_mark_date DESC NULLS LAST, e.school_urn LIMIT 1)) AS school
	FROM interventions i
	WHERE i.start_date <= $to::DATE
		AND (i.end_date IS NULL OR i.end_date >= $from::DATE)
		AND ($type::VARCHAR IS NULL OR i.type = $type::VARCHAR)
		AND ($upn::VARCHAR IS NULL OR i.pupil_id = (SELECT pupil_id FROM pupils WHERE upn = $upn::VARCHAR))
		AND i.pupil_id IN (SELECT pupil_id FROM filtered_pupils($from::DATE, year_group := $year_group::VARCHAR,
			cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR))
),
-- pupils who had left their school by as_of (on_roll: sql/rules/on_roll.sql), with the day they left
leavers AS (SELECT school_urn, pupil_id, left_on FROM pupils_left((SELECT d FROM as_of))),
left_ended AS (
	SELECT p.* REPLACE (CASE WHEN l.left_on IS NOT NULL AND (p.end_date IS NULL OR p.end_date > l.left_on)
		THEN greatest(l.left_on, p.start_date) ELSE p.end_date END AS end_date)
	FROM picked p
	LEFT JOIN leavers l ON l.school_urn = p.school AND l.pupil_id = p.pupil_id
),
scoped AS (
	SELECT p.*,
		(SELECT d FROM as_of) AS as_of,
		CASE WHEN p.end_date < (SELECT d FROM as_of) THEN 'ended' ELSE 'open' END AS status
	FROM left_ended p
	WHERE ($school::INTEGER IS NULL OR p.school = $school::INTEGER) AND in_scope(p.school, $schools::VARCHAR)
		AND (p.end_date IS NULL OR p.end_date >= $from::DATE)
),
chosen AS (
	SELECT s.*,
		s.status = 'open' AND s.review_date < s.as_of AS review_overdue,
		-- the target as a fraction num / den: "N of M sessions" is N / M, "NN%" is NN / 100
		CASE
			WHEN regexp_matches(s.target, '(\d+)\s*(of|out of|/)\s*(\d+)\s*sessions?', 'i') THEN
				try_cast(regexp_extract(s.target, '(\d+)\s*(of|out of|/)\s*(\d+)\s*sessions?', 1, 'i') AS DECIMAL(9, 3))
			WHEN regexp_matches(s.target, '(\d+(\.\d+)?)\s*%') THEN
				try_cast(regexp_extract(s.target, '(\d+(\.\d+)?)\s*%', 1) AS DECIMAL(9, 3))
		END AS target_num,
		CASE
			WHEN regexp_matches(s.target, '(\d+)\s*(of|out of|/)\s*(\d+)\s*sessions?', 'i') THEN
				try_cast(regexp_extract(s.target, '(\d+)\s*(of|out of|/)\s*(\d+)\s*sessions?', 3, 'i') AS DECIMAL(9, 3))
			WHEN regexp_matches(s.target, '(\d+(\.\d+)?)\s*%') THEN 100
		END AS target_den
	FROM scoped s
	WHERE $status::VARCHAR IS NULL
		OR ($status::VARCHAR = 'overdue' AND s.status = 'open' AND s.review_date < s.as_of)
		OR s.status = $status::VARCHAR
),
-- each intervention's two windows: before (the $weeks weeks before the start) and since (the start to as_of)
windows AS (
	SELECT intervention_id, pupil_id, school, true AS before, (start_date - 7 * $weeks::INTEGER)::DATE AS lo,
		least(start_date - 1, as_of)::DATE AS hi
	FROM chosen
	UNION ALL
	SELECT intervention_id, pupil_id, school, false, start_date, as_of FROM chosen
),
-- the whole weeks of a window from pupil_week_totals, its first and last few days from pupil_day_totals
bounded AS (
	SELECT *, date_trunc('week', lo + 6)::DATE AS first_week, (date_trunc('week', hi + 1) - INTERVAL 7 DAY)::DATE AS last_week
	FROM windows WHERE lo <= hi
),
edge_days AS (
	SELECT intervention_id, pupil_id, school, before, unnest(generate_series(lo, least(hi, first_week - 1), INTERVAL 1 DAY))::DATE AS date
	FROM bounded
	UNION
	SELECT intervention_id, pupil_id, school, before, unnest(generate_series(greatest(lo, last_week + 7), hi, INTERVAL 1 DAY))::DATE
	FROM bounded
),
spans AS (
	SELECT b.intervention_id, b.before, w.possible, w.authorised + w.unauthorised AS absent
	FROM bounded b
	JOIN pupil_week_totals w ON w.pupil_id = b.pupil_id AND w.school_urn = b.school AND w.week BETWEEN b.first_week AND b.last_week
	UNION ALL
	SELECT e.intervention_id, e.before, d.possible, d.authorised + d.unauthorised
	FROM edge_days e
	JOIN pupil_day_totals d ON d.pupil_id = e.pupil_id AND d.school_urn = e.school AND d.date = e.date
),
attendance AS (
	SELECT intervention_id,
		coalesce(sum(possible) FILTER (WHERE before), 0)::INTEGER AS before_possible,
		coalesce(sum(absent) FILTER (WHERE before), 0)::INTEGER AS before_absent,
		coalesce(sum(possible) FILTER (WHERE NOT before), 0)::INTEGER AS since_possible,
		coalesce(sum(absent) FILTER (WHERE NOT before), 0)::INTEGER AS since_absent
	FROM spans
	GROUP BY intervention_id
),
cohorts AS (
	SELECT pupil_id, value, sort_key FROM pupil_cohorts($from::DATE) WHERE dimension = 'year_group'
)
SELECT
	c.intervention_id,
	p.upn,
	nullif(concat_ws(' ', p.forename, p.surname), '') AS name,
	nullif(concat_ws(', ', p.surname, p.forename), '') AS sort_name,
	coalesce(yg.value, p.year_group) AS year_group,
	yg.sort_key::INTEGER AS year_group_order,
	c.school AS school_urn,
	c.type,
	c.start_date,
	c.end_date,
	c.review_date,
	c.target,
	c.notes,
	c.staff,
	c.import_id,
	c.recorded_by,
	c.recorded_at,
	c.status,
	coalesce(c.review_overdue, false) AS review_overdue,
	CASE WHEN c.review_overdue THEN (c.as_of - c.review_date)::INTEGER END AS days_overdue,
	c.as_of,
	CASE WHEN c.target_ok THEN c.target_num::DOUBLE / c.target_den::DOUBLE END AS target_rate,
	coalesce(a.before_possible, 0) AS before_possible,
	coalesce(a.before_absent, 0) AS before_absent,
	1 - a.before_absent::DOUBLE / nullif(a.before_possible, 0) AS before_attendance,
	coalesce(a.since_possible, 0) AS since_possible,
	coalesce(a.since_absent, 0) AS since_absent,
	1 - a.since_absent::DOUBLE / nullif(a.since_possible, 0) AS since_attendance,
	CASE WHEN c.target_ok THEN 1 - a.since_absent::DOUBLE / nullif(a.since_possible, 0) - c.target_num::DOUBLE / c.target_den::DOUBLE END AS progress,
	-- compared exactly: attended × den ≥ num × possible
	CASE WHEN c.target_ok AND a.since_possible > 0
		THEN (a.since_possible - a.since_absent) * c.target_den >= c.target_num * a.since_possible END AS target_met
FROM (SELECT *, coalesce(target_num > 0 AND target_den > 0 AND target_num <= target_den, false) AS target_ok FROM chosen) c
JOIN pupils p ON p.pupil_id = c.pupil_id
LEFT JOIN attendance a ON a.intervention_id = c.intervention_id
LEFT JOIN cohorts yg ON yg.pupil_id = c.pupil_id
ORDER BY coalesce(c.review_overdue, false) DESC, c.review_date NULLS LAST, c.start_date, c.intervention_id;
