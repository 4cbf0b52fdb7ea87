-- weekday_sessions(date_from, date_to, school, [filters]): possible and absent sessions by weekday (Mon..Fri)
-- and register session (AM/PM) over the range (what a code counts as: code_flags). absence_rate = absent / possible.
-- Grain: weekday × session. Units: sessions.
-- Without a year-group or cohort filter the counts come from the school_code_totals pre-aggregate
-- (sql/schema/041_school_code_totals.sql); with one, from the filtered marks.
CREATE OR REPLACE MACRO weekday_sessions(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT
	weekday_number,
	['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][weekday_number] AS weekday,
	session::VARCHAR AS session,
	sum(possible)::INTEGER AS possible_sessions,
	sum(absent)::INTEGER AS absent_sessions,
	sum(absent)::DOUBLE / nullif(sum(possible), 0) AS absence_rate
FROM (
	SELECT isodow(t.date)::INTEGER AS weekday_number, t.session,
		coalesce(sum(t.sessions) FILTER (WHERE f.possible), 0) AS possible,
		coalesce(sum(t.sessions) FILTER (WHERE f.absent), 0) AS absent
	FROM school_code_totals t
	JOIN code_flags() f ON f.code = t.code
	WHERE t.date BETWEEN date_from AND date_to
		AND (school IS NULL OR t.school_urn = school)
		AND year_group IS NULL AND cohort_dimension IS NULL
	GROUP BY ALL
	UNION ALL
	SELECT isodow(m.date)::INTEGER, m.session,
		count(*) FILTER (WHERE m.possible),
		count(*) FILTER (WHERE m.absent)
	FROM filtered_marks(date_from, date_to, school, year_group := year_group, cohort_dimension := cohort_dimension, cohort_value := cohort_value) m
	WHERE NOT (year_group IS NULL AND cohort_dimension IS NULL)
	GROUP BY ALL
)
GROUP BY weekday_number, session
HAVING sum(possible) > 0;
