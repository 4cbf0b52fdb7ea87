-- Recomputes one school's weeks $week_from..$week_to (Mondays) of pupil_week_totals
-- (sql/schema/042_pupil_week_totals.sql) from pupil_day_totals as it now stands, inside the transaction of
-- the import or purge that changed those days (src/lib/server/warehouse/pre-aggregates.ts), with
-- pupil_week_rollup (sql/rules/pupil_days.sql). Constant bounds, so zone maps skip the rest of both tables.
DELETE FROM pupil_week_totals
WHERE school_urn = $school::INTEGER AND week BETWEEN $week_from::DATE AND $week_to::DATE;

INSERT INTO pupil_week_totals
WITH days AS (
	SELECT * FROM pupil_day_totals
	WHERE school_urn = $school::INTEGER AND date BETWEEN $week_from::DATE AND $week_to::DATE + INTERVAL 6 DAY
)
SELECT * FROM pupil_week_rollup('days')
ORDER BY school_urn, week, pupil_id;
