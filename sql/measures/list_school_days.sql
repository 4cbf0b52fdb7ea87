-- list_school_days(school, on_date): each school's school days up to on_date, for the casework lists.
-- A school day is a date on which at least one session that counts in possible sessions (a code with
-- counts_in_possible) was recorded for any pupil of the school: from the register, not the calendar,
-- so INSET days (#), closures (Y1-Y7) and holidays are not school days. A school week is a Monday-to-Sunday
-- week holding at least one school day (a week with a single possible session is a school week).
-- day_no / week_no number a school's days / weeks 1, 2, … in date order. Grain: school × date.
-- Read from the school_day_totals pre-aggregate (sql/schema/040_pre_aggregates.sql), kept current by every import.
CREATE OR REPLACE MACRO list_school_days(school, on_date) AS TABLE
SELECT
	school_urn,
	date,
	row_number() OVER (PARTITION BY school_urn ORDER BY date)::INTEGER AS day_no,
	date_trunc('week', date)::DATE AS week_start,
	dense_rank() OVER (PARTITION BY school_urn ORDER BY date_trunc('week', date))::INTEGER AS week_no
FROM (
	SELECT school_urn, date
	FROM school_day_totals
	WHERE possible_sessions > 0 AND date <= on_date AND (school IS NULL OR school_urn = school)
);
