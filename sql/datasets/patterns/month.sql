-- patterns/month: absence by calendar month over the range (September to August for an academic year),
-- optionally split by the groups of one cohort dimension.
-- Grain: split group × month. Units: sessions, school days and pupils; absence_rate is a fraction.
-- Parameters: the dashboard filters and $split (a pupil_cohorts dimension or NULL = 'All pupils'; groups
-- as of $from, 'Not recorded' for pupils with no value).
-- Rule: possible = marks whose code counts in possible sessions; absent = authorised + unauthorised codes;
-- absence_rate = absent / possible from the month's summed parts. month is the month's first day;
-- school_days counts the dates in the month with a possible session among the filtered marks (the same for
-- every group: the calendar the rates rest on). Marks are summed per pupil and month first, then per group.
WITH m AS (
	SELECT pupil_id, date, possible, authorised + unauthorised AS absent
	FROM filtered_pupil_days($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
),
months AS (
	-- each date's month, worked out once per date rather than once per pupil-day
	SELECT date, date_trunc('month', date)::DATE AS month FROM (SELECT DISTINCT date FROM m)
),
per_pupil AS (
	SELECT m.pupil_id, d.month,
		sum(m.possible)::BIGINT AS possible,
		sum(m.absent)::BIGINT AS absent
	FROM m JOIN months d USING (date) GROUP BY ALL
),
days AS (
	SELECT d.month, count(*) AS school_days
	FROM (SELECT DISTINCT date FROM m WHERE possible > 0) x JOIN months d USING (date) GROUP BY ALL
),
grouped AS (
	SELECT p.*, s.split_group, s.split_sort
	FROM per_pupil p
	JOIN pupil_split_groups($from::DATE, $split::VARCHAR) s ON s.pupil_id = p.pupil_id
),
group_pupils AS (
	SELECT split_group, count(DISTINCT pupil_id) FILTER (WHERE possible > 0)::INTEGER AS group_pupils
	FROM grouped GROUP BY split_group
)
SELECT
	g.split_group,
	min(g.split_sort)::INTEGER AS split_sort,
	any_value(p.group_pupils) AS group_pupils,
	g.month,
	strftime(g.month, '%b %Y') AS month_label,
	any_value(d.school_days)::INTEGER AS school_days,
	sum(g.possible)::INTEGER AS possible_sessions,
	sum(g.absent)::INTEGER AS absent_sessions,
	sum(g.absent)::DOUBLE / sum(g.possible) AS absence_rate
FROM grouped g
JOIN group_pupils p USING (split_group)
JOIN days d USING (month)
GROUP BY g.split_group, g.month
HAVING sum(g.possible) > 0
ORDER BY split_sort, split_group, month;
