-- The default as-of date of the casework lists: the latest marked day (of the school, or of any school).
SELECT max(date) AS on_date FROM school_day_totals WHERE $school::INTEGER IS NULL OR school_urn = $school::INTEGER;
