-- filtered_pupil_days(date_from, date_to, school, [year_group, cohort_dimension, cohort_value]): the
-- pupil-days (pupil_day_totals: school × pupil × date, session counts by what the marks mean) that the
-- dashboards' filters select, the same selection as filtered_marks makes of the marks (filtered_pupil_rows), at
-- half the rows and without the join to codes. Measures that count sessions per pupil read this; measures that
-- need the code or the session (AM/PM) read filtered_marks.
CREATE OR REPLACE MACRO filtered_pupil_days(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL,
	cohort_value := NULL) AS TABLE
WITH in_range AS (
	SELECT d.*
	FROM pupil_day_totals d
	WHERE d.date BETWEEN date_from AND date_to
		AND (school IS NULL OR d.school_urn = school)
)
SELECT * FROM filtered_pupil_rows('in_range', date_from, year_group := year_group, cohort_dimension := cohort_dimension,
	cohort_value := cohort_value);
