-- The register entries past the retention period, as temp tables of this connection (used by the dry run
-- and the purge). An entry's date is the day it was made: a mark's session date, an amendment's date.
-- A pupil-session goes whole (its mark and every amendment of it) once its latest entry is older than
-- $cutoff, so the register never holds a mark without its history or a history without its mark.
-- An import's record goes with the last of its marks, when the import itself is older than $cutoff.
CREATE OR REPLACE TEMP TABLE retention_expired AS
SELECT school_urn, pupil_id, date, session
FROM (
	SELECT school_urn, pupil_id, date, session, date AS made FROM marks
	UNION ALL
	SELECT school_urn, pupil_id, date, session, changed_at::DATE FROM mark_history
)
GROUP BY ALL
HAVING max(made) < $cutoff::DATE;

CREATE OR REPLACE TEMP TABLE retention_imports AS
WITH kept AS (
	SELECT m.import_id FROM marks m ANTI JOIN retention_expired x USING (school_urn, pupil_id, date, session)
	UNION
	SELECT h.import_id FROM mark_history h ANTI JOIN retention_expired x USING (school_urn, pupil_id, date, session)
	UNION
	SELECT h.previous_import_id FROM mark_history h ANTI JOIN retention_expired x USING (school_urn, pupil_id, date, session)
)
SELECT i.import_id
FROM imports i
WHERE i.kind IN ('register-long', 'register-wide', 'ctf')
	AND i.started_at::DATE < $cutoff::DATE
	AND i.import_id NOT IN (SELECT import_id FROM kept WHERE import_id IS NOT NULL);
