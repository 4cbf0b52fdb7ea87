-- patterns/month: absence by calendar month over the range (September to August for an academic year),
-- optionally split by the groups of one cohort dimension.
-- Grain: split group × month. Units: sessions, school days and pupils; absence_rate is a fraction.
-- Parameters: the dashboard filters and $split (a pupil_cohorts dimension or NULL = 'All pupils'; groups
-- as of $from, 'Not recorded' for pupils with no value).
-- Rule: possible = marks whose code counts in possible sessions; absent = authorised + unauthorised codes;
-- absence_rate = absent / possible from the month's summed parts. month is the month's first day;
-- school_days counts the dates in the month with a possible session among the filtered marks (the same for
-- every group: the calendar the rates rest on). Marks are summed per pupil and month first, then per group
-- (pupil_split_rows: group_pupils, the group's pupils with a possible session in the range).
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
)
SELECT
	g.split_group,
	min(g.split_sort)::INTEGER AS split_sort,
	any_value(g.group_pupils) AS group_pupils,
	g.month,
	strftime(g.month, '%b %Y') AS month_label,
	any_value(d.school_days)::INTEGER AS school_days,
	sum(g.possible)::INTEGER AS possible_sessions,
	sum(g.absent)::INTEGER AS absent_sessions,
	sum(g.absent)::DOUBLE / sum(g.possible) AS absence_rate
FROM pupil_split_rows('per_pupil', $from::DATE, $split::VARCHAR) g
JOIN days d ON d.month = g.month
GROUP BY g.split_group, g.month
HAVING sum(g.possible) > 0
ORDER BY split_sort, split_group, month;
