-- weekday_sessions(date_from, date_to, school, [filters]): possible and absent sessions by weekday (Mon..Fri)
-- and register session (AM/PM) over the range. absence_rate = absent / possible.
-- Grain: weekday × session. Units: sessions.
CREATE OR REPLACE MACRO weekday_sessions(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT
	isodow(m.date)::INTEGER AS weekday_number,
	['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][isodow(m.date)] AS weekday,
	m.session::VARCHAR AS session,
	count(*) FILTER (WHERE m.counts_in_possible)::INTEGER AS possible_sessions,
	count(*) FILTER (WHERE m.category IN ('authorised', 'unauthorised'))::INTEGER AS absent_sessions,
	count(*) FILTER (WHERE m.category IN ('authorised', 'unauthorised'))::DOUBLE
		/ nullif(count(*) FILTER (WHERE m.counts_in_possible), 0) AS absence_rate
FROM filtered_marks(date_from, date_to, school, year_group := year_group, cohort_dimension := cohort_dimension, cohort_value := cohort_value) m
GROUP BY ALL
HAVING count(*) FILTER (WHERE m.counts_in_possible) > 0;
