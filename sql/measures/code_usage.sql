-- code_usage(date_from, date_to, school): how many sessions carry each code over the range, with the
-- code's statistical category. Every recorded code is listed, the not_possible ones included.
-- Grain: code. Units: sessions.
CREATE OR REPLACE MACRO code_usage(date_from, date_to, school) AS TABLE
SELECT
	m.code,
	c.category,
	count(*)::INTEGER AS sessions
FROM marks m
JOIN codes c ON c.code = m.code
WHERE m.date BETWEEN date_from AND date_to
	AND (school IS NULL OR m.school_urn = school)
GROUP BY ALL;
