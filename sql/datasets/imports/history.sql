-- Import history: every file that landed in the warehouse, newest first (a rejected file leaves no trace;
-- a file identical to an earlier one changes nothing and adds no row). kind: what the file was
-- (register-long, register-wide, ctf, pupils, interventions, term-dates, schools); rows_read and what
-- became of them: added, amended (an existing mark or row changed; the old mark is kept in mark_history)
-- and unchanged; school_urn: the school chosen for the import (NULL when the file named its schools or
-- the warehouse's only school was used). started_at / finished_at: UTC timestamps; seconds: how long it took.
-- Grain: one row per import. Units: rows of the file; added/amended/unchanged in marks for registers.
-- Not filtered by the dashboard filters: the history is a log of the whole warehouse's files, and a file
-- is not a mark (a register may span schools and years). The most recent 1,000 imports.
SELECT
	i.import_id,
	i.file_name,
	i.kind,
	i.school_urn,
	CASE WHEN i.school_urn IS NOT NULL THEN coalesce(s.name, 'School ' || i.school_urn) END AS school_name,
	i.rows_read,
	i.added,
	i.amended,
	i.unchanged,
	i.status,
	i.message,
	i.started_at,
	i.finished_at,
	round(epoch(i.finished_at) - epoch(i.started_at), 1)::DOUBLE AS seconds
FROM imports i
LEFT JOIN schools s ON s.urn = i.school_urn
ORDER BY i.import_id DESC
LIMIT 1000;
