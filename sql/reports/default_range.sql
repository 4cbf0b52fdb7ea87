-- The default report range: the latest academic year (1 September – 31 August) with a mark.
SELECT
	academic_year_start(max(date)) AS date_from,
	(academic_year_start(max(date)) + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE AS date_to
FROM marks
WHERE $school::INTEGER IS NULL OR school_urn = $school::INTEGER;
