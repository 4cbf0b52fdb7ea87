-- codes/holidays_weekly: holidays in term time by school week: G (holiday not authorised by the school)
-- and H (holiday authorised by the school, a pre-2024 code withdrawn by the 2024 regulations from
-- 2024-08-19, so found only in earlier history).
-- Grain: week (Monday-dated) × code, for weeks with a G or H. Units: pupils, sessions.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value).
-- Rule: sessions = marks with the code in the week; pupils = pupils with at least one such mark that week.
SELECT
	date_trunc('week', m.date)::DATE AS week,
	m.code::VARCHAR AS code,
	c.meaning,
	c.category::VARCHAR AS category,
	count(DISTINCT m.pupil_id)::INTEGER AS pupils,
	count(*)::INTEGER AS sessions
FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
	cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) m
JOIN codes c ON c.code = m.code
WHERE m.code IN ('G', 'H')
GROUP BY ALL
ORDER BY week, code;
