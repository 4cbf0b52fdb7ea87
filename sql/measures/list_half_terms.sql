-- list_half_terms(school, on_date): for each school with term dates (list_terms), the half-term in progress
-- on on_date (the latest to start by then: during a holiday, the one just ended) and the one before it.
-- Grain: school.
CREATE OR REPLACE MACRO list_half_terms(school, on_date) AS TABLE
SELECT
	school_urn,
	max(start_date) FILTER (WHERE rn = 1) AS current_start,
	max(academic_year) FILTER (WHERE rn = 1) AS current_academic_year,
	max(term) FILTER (WHERE rn = 1) AS current_term,
	max(start_date) FILTER (WHERE rn = 2) AS previous_start,
	max(end_date) FILTER (WHERE rn = 2) AS previous_end
FROM (
	SELECT *, row_number() OVER (PARTITION BY school_urn ORDER BY start_date DESC) AS rn
	FROM list_terms(school)
	WHERE start_date <= on_date
)
GROUP BY school_urn;
