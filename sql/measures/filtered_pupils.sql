-- filtered_pupils(on_date, [year_group, cohort_dimension, cohort_value]): the pupils the dashboards'
-- year group and cohort filters select, their groups as of on_date (pupil_cohorts); every pupil when
-- neither filter is set. Grain: pupil.
CREATE OR REPLACE MACRO filtered_pupils(on_date, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT pupil_id
FROM pupils
WHERE (year_group IS NULL OR pupil_id IN (
		SELECT pupil_id FROM pupil_cohorts(on_date) WHERE dimension = 'year_group' AND value = year_group))
	AND (cohort_dimension IS NULL OR pupil_id IN (
		SELECT pupil_id FROM pupil_cohorts(on_date) WHERE dimension = cohort_dimension AND value = cohort_value));
