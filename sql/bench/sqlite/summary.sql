-- reports/summary (school_summary) by hand for SQLite: every school, $from to $to.
WITH p AS (
	SELECT m.school_urn, m.pupil_id,
		sum(c.counts_in_possible) AS possible,
		sum(c.category = 'authorised') AS authorised,
		sum(c.category = 'unauthorised') AS unauthorised
	FROM marks m JOIN codes c ON c.code = m.code
	WHERE m.date BETWEEN $from AND $to
	GROUP BY m.school_urn, m.pupil_id
	HAVING sum(c.counts_in_possible) > 0
)
SELECT count(*) AS pupils, sum(possible) AS possible_sessions, sum(authorised) AS authorised_sessions,
	sum(unauthorised) AS unauthorised_sessions,
	1.0 * (sum(authorised) + sum(unauthorised)) / sum(possible) AS overall_absence_rate,
	sum((authorised + unauthorised) * 10 >= possible) AS persistent_pupils,
	sum((authorised + unauthorised) * 2 >= possible) AS severe_pupils
FROM p;
