-- Recomputes the weeks of pupil_week_totals (sql/schema/042_pupil_week_totals.sql) holding the school-days
-- in stage_touched_school_days (school_urn, date), from pupil_day_totals as it now stands: each school's
-- weeks from its first to its last touched one. Run by the imports after merge_marks.sql and by the
-- retention purge, inside their transaction.
CREATE OR REPLACE TEMP TABLE stage_touched_weeks AS
SELECT school_urn, min(date_trunc('week', date))::DATE AS week_from, max(date_trunc('week', date))::DATE AS week_to
FROM stage_touched_school_days
GROUP BY school_urn;

DELETE FROM pupil_week_totals w USING stage_touched_weeks t
WHERE w.school_urn = t.school_urn AND w.week BETWEEN t.week_from AND t.week_to;

INSERT INTO pupil_week_totals
SELECT r.*
FROM stage_touched_weeks t, pupil_week_rollup(t.school_urn, t.week_from, t.week_to) r
ORDER BY r.school_urn, r.week, r.pupil_id;
