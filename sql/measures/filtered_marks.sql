-- filtered_marks(date_from, date_to, school, year_group, cohort_dimension, cohort_value): the marks the
-- dashboards' filters select, each with its code's category and what it counts as (the flags of code_flags:
-- possible, present, aea, attended, authorised, unauthorised, absent, missing, illness, late, late_after_close;
-- sql/rules/code_flags.sql). Every measure reads marks through here, so every view, report and export filters
-- and counts the same way.
-- date_from / date_to: inclusive; school: a URN or NULL for every school; year_group: a year group label
-- ('Year 7', 'Reception') as of date_from, or NULL; cohort_dimension / cohort_value: one group of
-- pupil_cohorts ('fsm' / 'FSM eligible'), or NULL (filtered_pupil_rows).
CREATE OR REPLACE MACRO filtered_marks(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL,
	cohort_value := NULL) AS TABLE
WITH in_range AS (
	SELECT m.*, f.* EXCLUDE (code)
	FROM marks m
	JOIN code_flags() f ON f.code = m.code
	WHERE m.date BETWEEN date_from AND date_to
		AND (school IS NULL OR m.school_urn = school)
)
SELECT * FROM filtered_pupil_rows('in_range', date_from, year_group := year_group, cohort_dimension := cohort_dimension,
	cohort_value := cohort_value);
