-- The latest academic year with marks (the dashboard's default) and its latest marked day.
SELECT academic_year_start(max(date)) AS year_start,
	(academic_year_start(max(date)) + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE AS year_end,
	max(date) AS latest
FROM marks;
