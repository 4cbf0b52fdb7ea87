-- code_usage(date_from, date_to, school, [filters]): how many sessions carry each code over the range, with the
-- code's statistical category. Every recorded code is listed, the not_possible ones included.
-- Grain: code. Units: sessions.
CREATE OR REPLACE MACRO code_usage(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT
	m.code,
	m.category,
	count(*)::INTEGER AS sessions
FROM filtered_marks(date_from, date_to, school, year_group := year_group, cohort_dimension := cohort_dimension, cohort_value := cohort_value) m
GROUP BY ALL;
