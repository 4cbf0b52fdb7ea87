-- list_school_days(school, on_date): each school's school days up to on_date (school_days), for the casework
-- lists. A school week is a Monday-to-Sunday week holding at least one school day (a week with a single possible
-- session is a school week). day_no / week_no number a school's days / weeks 1, 2, … in date order.
-- Grain: school × date.
CREATE OR REPLACE MACRO list_school_days(school, on_date) AS TABLE
SELECT
	school_urn,
	date,
	row_number() OVER (PARTITION BY school_urn ORDER BY date)::INTEGER AS day_no,
	date_trunc('week', date)::DATE AS week_start,
	dense_rank() OVER (PARTITION BY school_urn ORDER BY date_trunc('week', date))::INTEGER AS week_no
FROM school_days('-infinity'::DATE, on_date, school);
