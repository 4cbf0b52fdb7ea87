-- patterns/lateness_year_group: lateness by year group. L = late before registers closed (counts as
-- present); U = arrived after registers closed (an unauthorised absence).
-- Grain: year group (as of $from, like the year group filter; 'Not recorded' where unknown).
-- Units: pupils, sessions, rates per 100 possible sessions, minutes.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value).
-- Rule: late_per_100 = L sessions * 100 / possible sessions, late_after_close_per_100 likewise for U, from
-- the year group's summed parts; pupils = pupils with a possible session; late_pupils = pupils with an L
-- or U. avg_minutes_late / avg_minutes_after_close average minutes_late over the L / U marks that carry
-- it (NULL where no import gave minutes); minutes_recorded counts those marks (late_minutes_recorded the L
-- ones alone, the weight for combining avg_minutes_late across rows).
WITH m AS (
	SELECT * FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
)
SELECT
	coalesce(g.value, 'Not recorded') AS year_group,
	coalesce(min(g.sort_key), 99)::INTEGER AS year_group_sort,
	count(DISTINCT m.pupil_id) FILTER (WHERE m.counts_in_possible)::INTEGER AS pupils,
	count(DISTINCT m.pupil_id) FILTER (WHERE m.code IN ('L', 'U'))::INTEGER AS late_pupils,
	count(*) FILTER (WHERE m.counts_in_possible)::INTEGER AS possible_sessions,
	count(*) FILTER (WHERE m.code = 'L')::INTEGER AS late_sessions,
	count(*) FILTER (WHERE m.code = 'U')::INTEGER AS late_after_close_sessions,
	count(*) FILTER (WHERE m.code = 'L') * 100.0 / count(*) FILTER (WHERE m.counts_in_possible) AS late_per_100,
	count(*) FILTER (WHERE m.code = 'U') * 100.0 / count(*) FILTER (WHERE m.counts_in_possible) AS late_after_close_per_100,
	avg(m.minutes_late) FILTER (WHERE m.code = 'L')::DOUBLE AS avg_minutes_late,
	avg(m.minutes_late) FILTER (WHERE m.code = 'U')::DOUBLE AS avg_minutes_after_close,
	count(m.minutes_late) FILTER (WHERE m.code IN ('L', 'U'))::INTEGER AS minutes_recorded,
	count(m.minutes_late) FILTER (WHERE m.code = 'L')::INTEGER AS late_minutes_recorded
FROM m
LEFT JOIN (SELECT pupil_id, value, sort_key FROM pupil_cohorts($from::DATE) WHERE dimension = 'year_group') g
	ON g.pupil_id = m.pupil_id
GROUP BY coalesce(g.value, 'Not recorded')
HAVING count(*) FILTER (WHERE m.counts_in_possible) > 0
ORDER BY year_group_sort, year_group;
