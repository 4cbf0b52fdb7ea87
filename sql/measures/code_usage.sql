-- code_usage(date_from, date_to, school, [filters]): how many sessions carry each code over the range, with the
-- code's statistical category. Every recorded code is listed, the not_possible ones included.
-- Grain: code. Units: sessions.
-- Without a year-group or cohort filter the counts come from the school_code_totals pre-aggregate
-- (sql/schema/041_school_code_totals.sql); with one, from the filtered marks. The planner keeps only the
-- branch whose (constant) filter condition holds.
CREATE OR REPLACE MACRO code_usage(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT t.code, c.category, sum(t.sessions)::INTEGER AS sessions
FROM school_code_totals t
JOIN codes c ON c.code = t.code
WHERE t.date BETWEEN date_from AND date_to
	AND (school IS NULL OR t.school_urn = school)
	AND year_group IS NULL AND cohort_dimension IS NULL
GROUP BY t.code, c.category
UNION ALL
SELECT
	m.code,
	m.category,
	count(*)::INTEGER AS sessions
FROM filtered_marks(date_from, date_to, school, year_group := year_group, cohort_dimension := cohort_dimension, cohort_value := cohort_value) m
WHERE NOT (year_group IS NULL AND cohort_dimension IS NULL)
GROUP BY ALL;
