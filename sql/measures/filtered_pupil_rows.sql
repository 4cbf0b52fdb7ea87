-- filtered_pupil_rows(rows, on_date, [year_group, cohort_dimension, cohort_value]): the rows of the table or CTE
-- named rows (with a pupil_id) whose pupils the dashboards' year group and cohort filters select
-- (filtered_pupils, their groups as of on_date); every row when neither filter is set. The filters of
-- filtered_marks, filtered_pupil_days and filtered_pupil_spans, written once. Two branches, one without pupil
-- filters and one with: the planner drops the branch whose condition on the (constant) filters is false, so an
-- unfiltered view never joins the pupils (twice as fast).
CREATE OR REPLACE MACRO filtered_pupil_rows(rows, on_date, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT * FROM query_table(rows)
WHERE year_group IS NULL AND cohort_dimension IS NULL
UNION ALL
SELECT * FROM query_table(rows)
WHERE NOT (year_group IS NULL AND cohort_dimension IS NULL)
	AND pupil_id IN (
		SELECT pupil_id FROM filtered_pupils(on_date, year_group := year_group, cohort_dimension := cohort_dimension,
			cohort_value := cohort_value));
