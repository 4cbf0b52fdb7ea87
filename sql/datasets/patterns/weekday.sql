-- patterns/weekday: absence by weekday (Mon..Fri) and register session (AM/PM), optionally split by the
-- groups of one cohort dimension. The unsplit figures equal the CLI's `report weekday` (weekday_sessions).
-- Grain: split group × weekday × session. Units: sessions and pupils; absence_rate is a fraction.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value)
-- and $split, a pupil_cohorts dimension ('fsm', 'sen', …) or NULL for one group, 'All pupils'. Groups are
-- as of $from, like every cohort filter; pupils with no value in the dimension form 'Not recorded'.
-- Rule: possible = marks whose code counts in possible sessions; absent = authorised + unauthorised codes
-- (code_flags); absence_rate = absent / possible, from the summed parts of the cell. group_pupils counts the
-- pupils of the group with at least one possible session in the range (pupil_split_rows). Marks are summed per pupil, weekday and
-- session first, then per group.
WITH per_pupil AS (
	SELECT m.pupil_id, isodow(m.date)::INTEGER AS weekday_number, m.session,
		count(*) FILTER (WHERE m.possible) AS possible,
		count(*) FILTER (WHERE m.absent) AS absent
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) m
	GROUP BY ALL
)
SELECT
	g.split_group,
	min(g.split_sort)::INTEGER AS split_sort,
	any_value(g.group_pupils) AS group_pupils,
	g.weekday_number,
	['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][g.weekday_number] AS weekday,
	g.session::VARCHAR AS session,
	sum(g.possible)::INTEGER AS possible_sessions,
	sum(g.absent)::INTEGER AS absent_sessions,
	sum(g.absent)::DOUBLE / sum(g.possible) AS absence_rate
FROM pupil_split_rows('per_pupil', $from::DATE, $split::VARCHAR) g
GROUP BY g.split_group, g.weekday_number, g.session
HAVING sum(g.possible) > 0
ORDER BY split_sort, split_group, weekday_number, session;
