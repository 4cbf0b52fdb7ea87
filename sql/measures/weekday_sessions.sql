-- weekday_sessions(date_from, date_to, school): possible and absent sessions by weekday (Mon..Fri)
-- and register session (AM/PM) over the range. absence_rate = absent / possible.
-- Grain: weekday × session. Units: sessions.
CREATE OR REPLACE MACRO weekday_sessions(date_from, date_to, school) AS TABLE
SELECT
	isodow(m.date)::INTEGER AS weekday_number,
	['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][isodow(m.date)] AS weekday,
	m.session::VARCHAR AS session,
	count(*) FILTER (WHERE c.counts_in_possible)::INTEGER AS possible_sessions,
	count(*) FILTER (WHERE c.category IN ('authorised', 'unauthorised'))::INTEGER AS absent_sessions,
	count(*) FILTER (WHERE c.category IN ('authorised', 'unauthorised'))::DOUBLE
		/ nullif(count(*) FILTER (WHERE c.counts_in_possible), 0) AS absence_rate
FROM marks m
JOIN codes c ON c.code = m.code
WHERE m.date BETWEEN date_from AND date_to
	AND (school IS NULL OR m.school_urn = school)
GROUP BY ALL
HAVING count(*) FILTER (WHERE c.counts_in_possible) > 0;
