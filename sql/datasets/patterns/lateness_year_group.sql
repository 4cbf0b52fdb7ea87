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
	-- per pupil first (a row per pupil rather than per mark), then per year group
	SELECT m.pupil_id,
		count(*) FILTER (WHERE m.possible) AS possible,
		count(*) FILTER (WHERE m.late) AS late,
		count(*) FILTER (WHERE m.late_after_close) AS late_after_close,
		sum(m.minutes_late) FILTER (WHERE m.late) AS late_minutes,
		count(m.minutes_late) FILTER (WHERE m.late) AS late_minutes_recorded,
		sum(m.minutes_late) FILTER (WHERE m.late_after_close) AS after_close_minutes,
		count(m.minutes_late) FILTER (WHERE m.late_after_close) AS after_close_minutes_recorded
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) m
	GROUP BY m.pupil_id
)
SELECT
	coalesce(g.value, 'Not recorded') AS year_group,
	coalesce(min(g.sort_key), 99)::INTEGER AS year_group_sort,
	count(*) FILTER (WHERE m.possible > 0)::INTEGER AS pupils,
	count(*) FILTER (WHERE m.late + m.late_after_close > 0)::INTEGER AS late_pupils,
	sum(m.possible)::INTEGER AS possible_sessions,
	sum(m.late)::INTEGER AS late_sessions,
	sum(m.late_after_close)::INTEGER AS late_after_close_sessions,
	sum(m.late)::BIGINT * 100.0 / sum(m.possible)::BIGINT AS late_per_100,
	sum(m.late_after_close)::BIGINT * 100.0 / sum(m.possible)::BIGINT AS late_after_close_per_100,
	(sum(m.late_minutes) / sum(m.late_minutes_recorded))::DOUBLE AS avg_minutes_late,
	(sum(m.after_close_minutes) / sum(m.after_close_minutes_recorded))::DOUBLE AS avg_minutes_after_close,
	sum(m.late_minutes_recorded + m.after_close_minutes_recorded)::INTEGER AS minutes_recorded,
	sum(m.late_minutes_recorded)::INTEGER AS late_minutes_recorded
FROM m
LEFT JOIN (SELECT pupil_id, value, sort_key FROM pupil_cohorts($from::DATE) WHERE dimension = 'year_group') g
	ON g.pupil_id = m.pupil_id
GROUP BY coalesce(g.value, 'Not recorded')
HAVING sum(m.possible) > 0
ORDER BY year_group_sort, year_group;
