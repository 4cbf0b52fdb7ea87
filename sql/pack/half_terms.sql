-- Pack, half_terms: the half-terms a governors' pack can be made for: every half-term of $school (NULL: the
-- trust, its schools' half-terms grouped by name, from the earliest start to the latest end) that began on
-- or before the register's last marked day. Grain: academic year × half-term, oldest first.
-- Half-terms come from the shared half_terms measure (imported term dates, else inferred from the register).
-- complete: the half-term ended on or before the last marked day (false: in progress, figures to date).
-- last_marked: the last marked day of the school(s) in scope. Parameters: $school.
WITH bounds AS (
	SELECT min(first_mark_date) AS first_day, max(last_mark_date) AS last_day
	FROM enrolments
	WHERE $school::INTEGER IS NULL OR school_urn = $school::INTEGER
),
calendar AS (
	SELECT h.* FROM half_terms((SELECT first_day FROM bounds), (SELECT last_day FROM bounds), $school::INTEGER) h
)
SELECT c.academic_year, min(c.year_start) AS year_start, c.term, c.half_term,
	min(c.start_date) AS start_date, max(c.end_date) AS end_date,
	max(c.end_date) <= b.last_day AS complete,
	b.last_day AS last_marked
FROM calendar c, bounds b
WHERE b.first_day IS NOT NULL AND c.start_date <= b.last_day
GROUP BY c.academic_year, c.term, c.half_term, b.last_day
ORDER BY min(c.start_date), c.half_term;
