-- What the filter bar offers: the academic years with marks (newest first) for the chosen school or
-- every school. Read from enrolments (first and last marked dates), not from the marks themselves.
SELECT academic_year_label(d) AS year, academic_year_start(d) AS year_start,
	(academic_year_start(d) + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE AS year_end
FROM (
	SELECT unnest(generate_series(academic_year_start(min(first_mark_date)), academic_year_start(max(last_mark_date)), INTERVAL 1 YEAR))::DATE AS d
	FROM enrolments
	WHERE $school::INTEGER IS NULL OR school_urn = $school::INTEGER
)
WHERE d IS NOT NULL
ORDER BY d DESC;
