-- codes/holidays_year_group: holidays in term time by year group: G (holiday not authorised by the
-- school) and H (holiday authorised by the school, pre-2024 code, withdrawn from 2024-08-19).
-- Grain: year group (as of $from, like the year group filter; 'Not recorded' where unknown) × code, for
-- year groups on roll (a row for G, and for H where the range holds any). Units: pupils, sessions;
-- per_100 is sessions per 100 possible sessions.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value).
-- Rule: pupils = pupils with at least one session of the code; pupils_on_roll = pupils of the year group
-- with a possible session; per_100 = the code's sessions * 100 / the year group's possible sessions.
WITH pupil_codes AS (
	-- each pupil's sessions of each code (a few rows per pupil), before the year groups
	SELECT pupil_id, code, possible, count(*) AS sessions
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
	GROUP BY ALL
),
m AS (
	SELECT m.pupil_id, m.code, m.possible, m.sessions,
		coalesce(g.value, 'Not recorded') AS year_group, coalesce(g.sort_key, 99) AS year_group_sort
	FROM pupil_codes m
	LEFT JOIN (SELECT pupil_id, value, sort_key FROM pupil_cohorts($from::DATE) WHERE dimension = 'year_group') g
		ON g.pupil_id = m.pupil_id
),
year_groups AS (
	SELECT year_group, min(year_group_sort) AS year_group_sort,
		count(DISTINCT pupil_id) FILTER (WHERE possible) AS pupils_on_roll,
		sum(sessions) FILTER (WHERE possible)::BIGINT AS possible_sessions
	FROM m GROUP BY year_group
	HAVING sum(sessions) FILTER (WHERE possible) > 0
),
holiday_codes AS (
	SELECT 'G' AS code UNION ALL SELECT 'H' WHERE EXISTS (SELECT 1 FROM m WHERE code = 'H')
)
SELECT
	y.year_group,
	y.year_group_sort::INTEGER AS year_group_sort,
	h.code,
	c.meaning,
	c.category::VARCHAR AS category,
	y.pupils_on_roll::INTEGER AS pupils_on_roll,
	y.possible_sessions::INTEGER AS possible_sessions,
	count(DISTINCT m.pupil_id)::INTEGER AS pupils,
	coalesce(sum(m.sessions), 0)::INTEGER AS sessions,
	coalesce(sum(m.sessions), 0)::BIGINT * 100.0 / y.possible_sessions AS per_100
FROM year_groups y
CROSS JOIN holiday_codes h
JOIN codes c ON c.code::VARCHAR = h.code
LEFT JOIN m ON m.year_group = y.year_group AND m.code::VARCHAR = h.code
GROUP BY y.year_group, y.year_group_sort, h.code, c.meaning, c.category, y.pupils_on_roll, y.possible_sessions
ORDER BY y.year_group_sort, y.year_group, h.code;
