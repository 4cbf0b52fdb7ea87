-- codes/weekly: sessions per code per school week, to show how each code is used over time.
-- Grain: code × week (Monday-dated) for every code recorded in the range and every week with marks
-- (zero where the code was not used that week). Units: sessions, pupils, school days.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value).
-- Rule: week = the Monday of the mark's date; school_days = dates in the week with a possible session
-- (among the filtered marks), so that short weeks (half-term, bank holidays) can be told apart; pupils =
-- pupils with the code that week (what the week's sessions rest on, for small-number suppression).
WITH f AS (
	-- each pupil's sessions of each code in each week (what the week's sessions rest on)
	SELECT date_trunc('week', date)::DATE AS week, code, pupil_id, count(*) AS sessions
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
	GROUP BY ALL
),
counts AS (
	SELECT week, code, sum(sessions)::INTEGER AS sessions, count(*)::INTEGER AS pupils FROM f GROUP BY ALL
),
days AS (
	SELECT DISTINCT date
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
	WHERE possible
),
weeks AS (
	SELECT date_trunc('week', date)::DATE AS week, count(*)::INTEGER AS school_days FROM days GROUP BY ALL
),
used AS (SELECT DISTINCT code FROM counts)
SELECT
	w.week,
	u.code::VARCHAR AS code,
	c.meaning,
	c.category::VARCHAR AS category,
	coalesce(n.sessions, 0)::INTEGER AS sessions,
	w.school_days,
	coalesce(n.pupils, 0)::INTEGER AS pupils
FROM weeks w
CROSS JOIN used u
JOIN codes c ON c.code = u.code
LEFT JOIN counts n ON n.week = w.week AND n.code = u.code
ORDER BY u.code, w.week;
