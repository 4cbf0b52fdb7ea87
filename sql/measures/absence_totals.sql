-- absence_totals(rows): pupil_absence's rows (the table or CTE named rows: pupil_id, possible_sessions,
-- absent_sessions, persistent, severe, and any columns to group by) added up per group of those other columns
-- (one row for all when there are none, zeros when there are no rows): pupils, possible_sessions,
-- absent_sessions, persistent_pupils, severe_pupils. The cohorts views' groups, crossed cells and scope
-- totals (datasets/cohorts/by_dimension.sql, crossed.sql); rates are built from these parts, never averaged.
CREATE OR REPLACE MACRO absence_totals(rows) AS TABLE
SELECT * EXCLUDE (pupil_id, possible_sessions, absent_sessions, persistent, severe),
	count(*)::INTEGER AS pupils,
	coalesce(sum(possible_sessions), 0)::BIGINT AS possible_sessions,
	coalesce(sum(absent_sessions), 0)::BIGINT AS absent_sessions,
	count(*) FILTER (WHERE persistent)::INTEGER AS persistent_pupils,
	count(*) FILTER (WHERE severe)::INTEGER AS severe_pupils
FROM query_table(rows)
GROUP BY ALL;
