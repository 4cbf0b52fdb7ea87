-- Merges a validated register (stage_marks) into the warehouse, inside the import's transaction, after
-- stage_repeats.sql and new_pupils.sql. A pupil-session not yet held is added; one held with another mark
-- is amended, its old mark kept in mark_history; one held with the same mark is unchanged. Parameters:
-- $import_id, $changed_at, $has_minutes (whether the file carries minutes late: if not, minutes already
-- held are kept), and the extent of the file's school-days ($urn_from..$urn_to, $date_from..$date_to:
-- stage_school_dates.sql), so that only the marks in it are read.

CREATE OR REPLACE TEMP TABLE stage_diff AS
SELECT
	s.school_urn,
	p.pupil_id,
	s.date,
	s.session,
	s.code,
	CASE WHEN $has_minutes THEN s.minutes_late ELSE m.minutes_late END AS minutes_late,
	s.reason,
	s.author,
	m.code AS old_code,
	m.minutes_late AS old_minutes_late,
	m.import_id AS old_import_id,
	CASE
		WHEN m.code IS NULL THEN 'added'
		WHEN m.code = s.code AND (NOT $has_minutes OR m.minutes_late IS NOT DISTINCT FROM s.minutes_late) THEN 'unchanged'
		ELSE 'amended'
	END AS outcome
FROM (
	SELECT * FROM stage_marks m
	WHERE NOT EXISTS (
		SELECT 1 FROM stage_repeats r
		WHERE r.upn = m.upn AND r.date = m.date AND r.session = m.session AND r.school_urn = m.school_urn
	)
	UNION ALL
	-- a pupil-session listed again with the same mark counts once, as its first row (stage_repeats.sql);
	-- once only, though a wide grid with a date's column twice has both cells on the same row
	SELECT DISTINCT ON (m.upn, m.date, m.session, m.school_urn) m.*
	FROM stage_marks m
	JOIN stage_repeats r
		ON r.upn = m.upn AND r.date = m.date AND r.session = m.session AND r.school_urn = m.school_urn AND m.row_no = r.first_row
) s
JOIN pupils p ON p.upn = s.upn
LEFT JOIN (
	SELECT * FROM marks
	WHERE school_urn BETWEEN $urn_from::INTEGER AND $urn_to::INTEGER AND date BETWEEN $date_from::DATE AND $date_to::DATE
) m
	ON m.school_urn = s.school_urn AND m.pupil_id = p.pupil_id AND m.date = s.date AND m.session = s.session;

INSERT INTO mark_history
SELECT school_urn, pupil_id, date, session, old_code, old_minutes_late, old_import_id,
	code, minutes_late, $import_id, $changed_at::TIMESTAMP, reason, author
FROM stage_diff
WHERE outcome = 'amended';

UPDATE marks
SET code = d.code, minutes_late = d.minutes_late, import_id = $import_id
FROM stage_diff d
WHERE d.outcome = 'amended'
	AND marks.school_urn BETWEEN $urn_from::INTEGER AND $urn_to::INTEGER AND marks.date BETWEEN $date_from::DATE AND $date_to::DATE
	AND marks.school_urn = d.school_urn AND marks.pupil_id = d.pupil_id
	AND marks.date = d.date AND marks.session = d.session;

INSERT INTO marks
SELECT school_urn, pupil_id, date, session, code, minutes_late, $import_id
FROM stage_diff
WHERE outcome = 'added'
ORDER BY school_urn, date, pupil_id, session;

INSERT INTO enrolments (school_urn, pupil_id, first_mark_date, last_mark_date)
SELECT school_urn, pupil_id, min(date), max(date)
FROM stage_diff
GROUP BY school_urn, pupil_id
ON CONFLICT DO UPDATE SET
	first_mark_date = least(coalesce(enrolments.first_mark_date, excluded.first_mark_date), excluded.first_mark_date),
	last_mark_date = greatest(coalesce(enrolments.last_mark_date, excluded.last_mark_date), excluded.last_mark_date);

-- The pre-aggregates (sql/schema/040_pre_aggregates.sql, 041_school_code_totals.sql): the pupil-days and
-- school-days on which this file added or amended a mark are recomputed from the marks as they now stand
-- (pupil_day_rollup: sql/rules/pupil_days.sql).
CREATE OR REPLACE TEMP TABLE stage_touched_days AS
SELECT DISTINCT school_urn, pupil_id, date FROM stage_diff WHERE outcome <> 'unchanged';

DELETE FROM pupil_day_totals d USING stage_touched_days t
WHERE d.school_urn BETWEEN $urn_from::INTEGER AND $urn_to::INTEGER AND d.date BETWEEN $date_from::DATE AND $date_to::DATE
	AND d.school_urn = t.school_urn AND d.pupil_id = t.pupil_id AND d.date = t.date;

INSERT INTO pupil_day_totals
WITH touched_marks AS (
	SELECT m.* FROM marks m
	SEMI JOIN stage_touched_days t ON t.school_urn = m.school_urn AND t.pupil_id = m.pupil_id AND t.date = m.date
	WHERE m.school_urn BETWEEN $urn_from::INTEGER AND $urn_to::INTEGER AND m.date BETWEEN $date_from::DATE AND $date_to::DATE
)
SELECT * FROM pupil_day_rollup('touched_marks')
ORDER BY school_urn, date, pupil_id;

CREATE OR REPLACE TEMP TABLE stage_touched_school_days AS
SELECT DISTINCT school_urn, date FROM stage_touched_days;

DELETE FROM school_day_totals d USING stage_touched_school_days t
WHERE d.school_urn BETWEEN $urn_from::INTEGER AND $urn_to::INTEGER AND d.date BETWEEN $date_from::DATE AND $date_to::DATE
	AND d.school_urn = t.school_urn AND d.date = t.date;

INSERT INTO school_day_totals
SELECT d.school_urn, d.date, sum(d.possible)::INTEGER
FROM pupil_day_totals d
SEMI JOIN stage_touched_school_days t ON t.school_urn = d.school_urn AND t.date = d.date
WHERE d.school_urn BETWEEN $urn_from::INTEGER AND $urn_to::INTEGER AND d.date BETWEEN $date_from::DATE AND $date_to::DATE
GROUP BY d.school_urn, d.date
ORDER BY d.school_urn, d.date;

DELETE FROM school_code_totals d USING stage_touched_school_days t
WHERE d.school_urn BETWEEN $urn_from::INTEGER AND $urn_to::INTEGER AND d.date BETWEEN $date_from::DATE AND $date_to::DATE
	AND d.school_urn = t.school_urn AND d.date = t.date;

INSERT INTO school_code_totals
SELECT m.school_urn, m.date, m.session, m.code, count(*)::INTEGER
FROM marks m
SEMI JOIN stage_touched_school_days t ON t.school_urn = m.school_urn AND t.date = m.date
WHERE m.school_urn BETWEEN $urn_from::INTEGER AND $urn_to::INTEGER AND m.date BETWEEN $date_from::DATE AND $date_to::DATE
GROUP BY m.school_urn, m.date, m.session, m.code
ORDER BY m.school_urn, m.date, m.session, m.code;

SELECT
	count(*) FILTER (WHERE outcome = 'added')::INTEGER AS added,
	count(*) FILTER (WHERE outcome = 'amended')::INTEGER AS amended,
	count(*) FILTER (WHERE outcome = 'unchanged')::INTEGER AS unchanged
FROM stage_diff;
