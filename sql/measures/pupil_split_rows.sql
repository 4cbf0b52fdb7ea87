-- pupil_split_rows(rows, on_date, split): per-pupil rows (the table or CTE named rows: pupil_id, possible, …)
-- each with the group its pupil falls in when a chart is split by one cohort dimension (pupil_split_groups:
-- split_group, split_sort) and group_pupils, the pupils of that group with a possible session among the rows.
-- For the patterns' split charts (datasets/patterns/weekday.sql, month.sql). Grain: the rows'.
CREATE OR REPLACE MACRO pupil_split_rows(rows, on_date, split) AS TABLE
WITH grouped AS (
	SELECT r.*, s.split_group, s.split_sort
	FROM query_table(rows) r
	JOIN pupil_split_groups(on_date, split) s ON s.pupil_id = r.pupil_id
)
SELECT g.*, p.group_pupils
FROM grouped g
JOIN (
	SELECT split_group, count(DISTINCT pupil_id) FILTER (WHERE possible > 0)::INTEGER AS group_pupils
	FROM grouped GROUP BY split_group
) p ON p.split_group = g.split_group;
