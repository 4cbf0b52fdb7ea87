-- list penalty: the national threshold for considering a penalty notice: 10 or more sessions of
-- unauthorised absence (G N O U) within a rolling period of 10 school weeks ("Working together to improve
-- school attendance", DfE 2024; the national framework for penalty notices under the School Attendance
-- (Pupil Registration) (England) Regulations 2024). A school week has at least one possible session for
-- the school (list_school_days); the window may span holidays, terms and academic years. As of $on the
-- window is the school's $window_weeks most recent school weeks up to and including the week of $on,
-- counting sessions dated up to $on. threshold_met_on: the first day of the current unbroken run of days
-- at or over the threshold. Forecast, below the threshold: sessions_before_threshold = threshold - count;
-- next_drop_date = first day of the school week in which the oldest counted sessions (next_drop_sessions)
-- leave the window; future weeks from term dates (list_terms), or every week where none reach that far.
-- Rows: pupils with an unauthorised session in the window, most sessions first.
-- Params: $on, $school, $threshold_sessions (10), $window_weeks (10).
-- Only pupils on roll on $on (on_roll: sql/rules/on_roll.sql); a leaver drops off the list after leaving.
WITH days AS (SELECT * FROM list_school_days($school::INTEGER, $on::DATE)),
terms AS (SELECT * FROM list_terms($school::INTEGER)),
cur AS (SELECT school_urn, max(week_no) AS cur_week FROM days GROUP BY school_urn),
week_first AS (SELECT school_urn, week_no, min(date) AS first_day FROM days GROUP BY school_urn, week_no),
unauth AS (
	SELECT m.school_urn, m.pupil_id, m.date, d.week_no, m.unauthorised::INTEGER AS sessions
	FROM pupil_day_totals m
	JOIN days d ON d.school_urn = m.school_urn AND d.date = m.date
	WHERE m.unauthorised > 0 AND m.date <= $on::DATE
),
in_window AS (
	SELECT u.school_urn, u.pupil_id, sum(u.sessions)::INTEGER AS n, min(u.week_no) AS oldest_week
	FROM unauth u JOIN cur c ON c.school_urn = u.school_urn
	WHERE u.week_no > c.cur_week - $window_weeks::INTEGER
	GROUP BY u.school_urn, u.pupil_id
),
oldest AS (
	SELECT w.school_urn, w.pupil_id, sum(u.sessions)::INTEGER AS sessions
	FROM in_window w JOIN unauth u ON u.school_urn = w.school_urn AND u.pupil_id = w.pupil_id AND u.week_no = w.oldest_week
	GROUP BY w.school_urn, w.pupil_id
),
-- each session counts from its day until the first day of the school week $window_weeks later
events AS (
	SELECT u.school_urn, u.pupil_id, u.date, u.sessions AS delta
	FROM unauth u JOIN in_window w ON w.school_urn = u.school_urn AND w.pupil_id = u.pupil_id
	WHERE w.n >= $threshold_sessions::INTEGER
	UNION ALL
	SELECT u.school_urn, u.pupil_id, f.first_day, -u.sessions
	FROM unauth u JOIN in_window w ON w.school_urn = u.school_urn AND w.pupil_id = u.pupil_id
	JOIN week_first f ON f.school_urn = u.school_urn AND f.week_no = u.week_no + $window_weeks::INTEGER
	WHERE w.n >= $threshold_sessions::INTEGER
),
running AS (
	SELECT school_urn, pupil_id, date,
		sum(sum(delta)) OVER (PARTITION BY school_urn, pupil_id ORDER BY date) AS total
	FROM events GROUP BY school_urn, pupil_id, date
),
met AS (
	SELECT school_urn, pupil_id, max(date) AS threshold_met_on
	FROM (SELECT *, lag(total, 1, 0) OVER (PARTITION BY school_urn, pupil_id ORDER BY date) AS before FROM running)
	WHERE before < $threshold_sessions::INTEGER AND total >= $threshold_sessions::INTEGER
	GROUP BY school_urn, pupil_id
),
-- school weeks after the week of $on: weeks overlapping a half-term, or every week past the last term date held
future AS (
	SELECT c.school_urn, w.monday,
		row_number() OVER (PARTITION BY c.school_urn ORDER BY w.monday)::INTEGER AS ahead,
		(SELECT greatest(w.monday, min(t.start_date)) FROM terms t
			WHERE t.school_urn = c.school_urn AND t.start_date <= w.monday + 4 AND t.end_date >= w.monday) AS term_day
	FROM cur c,
		(SELECT unnest(generate_series(date_trunc('week', $on::DATE) + INTERVAL 7 DAY,
			date_trunc('week', $on::DATE) + INTERVAL 420 DAY, INTERVAL 7 DAY))::DATE AS monday) w
	WHERE EXISTS (SELECT 1 FROM terms t WHERE t.school_urn = c.school_urn AND t.start_date <= w.monday + 4 AND t.end_date >= w.monday)
		OR NOT EXISTS (SELECT 1 FROM terms t WHERE t.school_urn = c.school_urn AND t.end_date >= w.monday)
)
SELECT
	p.upn,
	w.n AS unauthorised_sessions_in_window,
	(SELECT min(d.date) FROM days d WHERE d.school_urn = w.school_urn AND d.week_no > c.cur_week - $window_weeks::INTEGER) AS window_start,
	$on::DATE AS window_end,
	CASE WHEN w.n >= $threshold_sessions::INTEGER THEN met.threshold_met_on END AS threshold_met_on,
	CASE WHEN w.n < $threshold_sessions::INTEGER THEN $threshold_sessions::INTEGER - w.n END AS sessions_before_threshold,
	CASE WHEN w.n < $threshold_sessions::INTEGER THEN coalesce(f.term_day, f.monday) END AS next_drop_date,
	CASE WHEN w.n < $threshold_sessions::INTEGER THEN o.sessions END AS next_drop_sessions,
	w.school_urn
FROM in_window w
JOIN cur c ON c.school_urn = w.school_urn
JOIN pupils p ON p.pupil_id = w.pupil_id
SEMI JOIN on_roll($on::DATE, school := $school::INTEGER) roll ON roll.school_urn = w.school_urn AND roll.pupil_id = w.pupil_id
JOIN oldest o ON o.school_urn = w.school_urn AND o.pupil_id = w.pupil_id
LEFT JOIN met ON met.school_urn = w.school_urn AND met.pupil_id = w.pupil_id
LEFT JOIN future f ON f.school_urn = w.school_urn AND f.ahead = w.oldest_week + $window_weeks::INTEGER - c.cur_week
ORDER BY w.n DESC, p.upn, w.school_urn;
