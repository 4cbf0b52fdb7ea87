-- Interventions, as of: the day the log counts from ("today" for open, ended and overdue), the latest day
-- with marks in the chosen period and school (so a warehouse of past data shows its own today, and a
-- past year's log is as of that year's last marked day). NULL when there are no marks.
-- Parameters: $to, $school. Must match the as_of of datasets/interventions/log.
SELECT max(date) AS as_of
FROM school_day_totals
WHERE date <= $to::DATE AND ($school::INTEGER IS NULL OR school_urn = $school::INTEGER);
