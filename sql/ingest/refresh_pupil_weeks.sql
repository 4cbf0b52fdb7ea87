-- Recomputes one school's weeks $week_from..$week_to (Mondays) of pupil_week_totals
-- (sql/schema/042_pupil_week_totals.sql) from pupil_day_totals as it now stands, inside the transaction of
-- the import or purge that changed those days (src/lib/server/warehouse/pre-aggregates.ts). Constant bounds,
-- so zone maps skip the rest of both tables.
DELETE FROM pupil_week_totals
WHERE school_urn = $school::INTEGER AND week BETWEEN $week_from::DATE AND $week_to::DATE;

INSERT INTO pupil_week_totals
SELECT * FROM pupil_week_rollup($school::INTEGER, $week_from::DATE, $week_to::DATE)
ORDER BY school_urn, week, pupil_id;
