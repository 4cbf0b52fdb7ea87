-- overview/periods at the half-term grain by hand for SQLite: each half-term of the three academic
-- years to $to (the term dates for every school), with pupils, sessions, absence and persistent absence.
WITH ht AS (
	SELECT academic_year, half_term, min(start_date) AS start_date, max(end_date) AS end_date
	FROM term_dates
	WHERE school_urn IS NULL AND start_date >= $from3 AND end_date <= $to
	GROUP BY academic_year, half_term
),
p AS (
	SELECT ht.academic_year, ht.half_term, ht.start_date, m.school_urn, m.pupil_id,
		sum(c.counts_in_possible) AS possible,
		sum(c.category = 'authorised') AS authorised,
		sum(c.category = 'unauthorised') AS unauthorised
	FROM ht
	JOIN marks m ON m.date BETWEEN ht.start_date AND ht.end_date
	JOIN codes c ON c.code = m.code
	GROUP BY ht.academic_year, ht.half_term, ht.start_date, m.school_urn, m.pupil_id
	HAVING sum(c.counts_in_possible) > 0
)
SELECT academic_year, half_term, start_date, count(*) AS pupils, sum(possible) AS possible_sessions,
	sum(authorised) + sum(unauthorised) AS absent_sessions,
	1.0 * (sum(authorised) + sum(unauthorised)) / sum(possible) AS overall_absence_rate,
	sum((authorised + unauthorised) * 10 >= possible) AS persistent_pupils
FROM p
GROUP BY academic_year, half_term, start_date
ORDER BY start_date;
