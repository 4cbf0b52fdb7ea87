-- Deletes what retention_expired found (run on the same connection, inside one transaction).
DELETE FROM mark_history h USING retention_expired x
WHERE h.school_urn = x.school_urn AND h.pupil_id = x.pupil_id AND h.date = x.date AND h.session = x.session;
DELETE FROM marks m USING retention_expired x
WHERE m.school_urn = x.school_urn AND m.pupil_id = x.pupil_id AND m.date = x.date AND m.session = x.session;
-- the pre-aggregates of the days purged (sql/schema/040_pre_aggregates.sql, 041), recomputed from what remains
-- (pupil_day_rollup: sql/rules/pupil_days.sql)
DELETE FROM pupil_day_totals d USING retention_expired x
WHERE d.school_urn = x.school_urn AND d.pupil_id = x.pupil_id AND d.date = x.date;
INSERT INTO pupil_day_totals
WITH remaining_marks AS (
	SELECT m.* FROM marks m
	SEMI JOIN retention_expired x ON x.school_urn = m.school_urn AND x.pupil_id = m.pupil_id AND x.date = m.date
)
SELECT * FROM pupil_day_rollup('remaining_marks');
DELETE FROM school_day_totals d USING retention_expired x WHERE d.school_urn = x.school_urn AND d.date = x.date;
INSERT INTO school_day_totals
SELECT d.school_urn, d.date, sum(d.possible)::INTEGER FROM pupil_day_totals d
SEMI JOIN (SELECT DISTINCT school_urn, date FROM retention_expired) x ON x.school_urn = d.school_urn AND x.date = d.date
GROUP BY d.school_urn, d.date;
DELETE FROM school_code_totals d USING retention_expired x WHERE d.school_urn = x.school_urn AND d.date = x.date;
INSERT INTO school_code_totals
SELECT m.school_urn, m.date, m.session, m.code, count(*)::INTEGER FROM marks m
SEMI JOIN (SELECT DISTINCT school_urn, date FROM retention_expired) x ON x.school_urn = m.school_urn AND x.date = m.date
GROUP BY m.school_urn, m.date, m.session, m.code;
-- the weeks of the days purged (pupil_week_totals), recomputed next (refreshPupilWeeks)
CREATE OR REPLACE TEMP TABLE stage_touched_school_days AS SELECT DISTINCT school_urn, date FROM retention_expired;
DELETE FROM imports WHERE import_id IN (SELECT import_id FROM retention_imports);
DROP TABLE retention_expired;
DROP TABLE retention_imports;
