-- school_days(date_from, date_to, school): each school's school days in the inclusive range (school NULL: every
-- school). A school day is a date on which at least one session that counts in possible sessions was recorded
-- for any pupil of the school (code_flags' possible), whatever the dashboards' pupil filters: from the register,
-- not the calendar, so INSET days (#), closures (Y1-Y7) and holidays are not school days. date_from may be
-- '-infinity' (every day up to date_to). Grain: school × date. Read from the school_day_totals pre-aggregate
-- (sql/schema/040_pre_aggregates.sql), kept current by every import.
CREATE OR REPLACE MACRO school_days(date_from, date_to, school) AS TABLE
SELECT school_urn, date
FROM school_day_totals
WHERE possible_sessions > 0 AND date BETWEEN date_from AND date_to AND (school IS NULL OR school_urn = school);
