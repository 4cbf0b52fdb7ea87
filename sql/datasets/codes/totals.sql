-- codes/totals: how many sessions carry each code over the range, with the code's meaning and category
-- (the national code table). The sessions equal the CLI's `report codes` (code_usage).
-- Grain: code (those recorded in the range), in the national code table's order. Units: sessions, pupils;
-- share_of_possible is a fraction.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value).
-- Rule: pupils = pupils with at least one session of the code; share_of_possible = the code's sessions /
-- all possible sessions in the range, for codes that count in possible sessions (NULL for the
-- not-possible codes, which are outside that total).
WITH m AS (
	-- each pupil's sessions of each code (a few rows per pupil)
	SELECT pupil_id, code, possible, count(*) AS sessions
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
	GROUP BY ALL
),
possible AS (SELECT coalesce(sum(m.sessions) FILTER (WHERE m.possible), 0)::BIGINT AS n FROM m)
SELECT
	m.code::VARCHAR AS code,
	c.meaning,
	c.category::VARCHAR AS category,
	sum(m.sessions)::INTEGER AS sessions,
	count(*)::INTEGER AS pupils,
	CASE WHEN m.possible THEN sum(m.sessions)::BIGINT::DOUBLE / nullif(any_value(p.n), 0) END AS share_of_possible
FROM m
JOIN codes c ON c.code = m.code
CROSS JOIN possible p
GROUP BY m.code, c.meaning, c.category, m.possible
ORDER BY m.code;
