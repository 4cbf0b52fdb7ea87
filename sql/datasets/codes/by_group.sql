-- codes/by_group: how each code is used by each year group or form, for a table heat map.
-- Grain: row (year group or form) × code recorded for that row. Units: pupils, sessions; share is a fraction.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value)
-- and $rows: 'year_group' (as of $from, like the year group filter) or 'form' (pupils.form, each pupil's
-- form in the latest pupils file; with every school chosen, forms are told apart by school).
-- Rule: share = the code's sessions / all sessions recorded for the row (every code, so a row's shares
-- add up to 100%); row_sessions is that total, pupils the row's pupils with a mark in the range. Rows are
-- ordered by year group, forms by the number they start with ('7H' before '10H'; 'RW', Reception, first).
WITH m AS (
	-- each pupil's sessions of each code at each school, before the labels (a few rows per pupil)
	SELECT school_urn, pupil_id, code, count(*) AS sessions
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
	GROUP BY ALL
),
labelled AS (
	SELECT m.pupil_id, m.code, m.sessions,
		CASE WHEN $rows::VARCHAR = 'form' THEN
			coalesce(p.form, 'No form') || CASE WHEN $school::INTEGER IS NULL THEN ' · ' || coalesce(s.name, m.school_urn::VARCHAR) ELSE '' END
		ELSE coalesce(g.value, 'Not recorded') END AS row_label,
		CASE WHEN $rows::VARCHAR = 'form' THEN coalesce(try_cast(regexp_extract(p.form, '^[0-9]+') AS INTEGER),
			CASE WHEN p.form ILIKE 'R%' THEN 0 END) ELSE g.sort_key END AS row_sort
	FROM m
	JOIN pupils p ON p.pupil_id = m.pupil_id
	LEFT JOIN schools s ON s.urn = m.school_urn
	LEFT JOIN (SELECT pupil_id, value, sort_key FROM pupil_cohorts($from::DATE) WHERE dimension = 'year_group') g
		ON g.pupil_id = m.pupil_id
),
rows_total AS (
	SELECT row_label, coalesce(min(row_sort), 99) AS row_sort, sum(sessions) AS row_sessions,
		count(DISTINCT pupil_id) AS pupils
	FROM labelled GROUP BY row_label
)
SELECT
	l.row_label,
	any_value(r.row_sort)::INTEGER AS row_sort,
	any_value(r.pupils)::INTEGER AS pupils,
	l.code::VARCHAR AS code,
	c.meaning,
	c.category::VARCHAR AS category,
	sum(l.sessions)::INTEGER AS sessions,
	any_value(r.row_sessions)::INTEGER AS row_sessions,
	sum(l.sessions)::DOUBLE / any_value(r.row_sessions) AS share
FROM labelled l
JOIN rows_total r USING (row_label)
JOIN codes c ON c.code = l.code
GROUP BY l.row_label, l.code, c.meaning, c.category
ORDER BY row_sort, l.row_label, l.code;
