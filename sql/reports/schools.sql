-- The schools in the warehouse, with their pupils and the span of their marks.
SELECT s.urn, coalesce(s.name, 'School ' || s.urn) AS name, s.phase, s.la_code,
	(SELECT count(*) FROM enrolments e WHERE e.school_urn = s.urn)::INTEGER AS pupils,
	(SELECT min(first_mark_date) FROM enrolments e WHERE e.school_urn = s.urn) AS first_mark_date,
	(SELECT max(last_mark_date) FROM enrolments e WHERE e.school_urn = s.urn) AS last_mark_date
FROM schools s
ORDER BY name;
