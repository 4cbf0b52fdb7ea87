-- Pupil-sessions a validated register (stage_marks) lists more than once: with the same mark they are one
-- mark (the merge keeps the first row); with different marks (clash) the file contradicts itself, which
-- the register must not (validate_marks.sql names them).
CREATE OR REPLACE TEMP TABLE stage_repeats AS
SELECT upn, date, session, school_urn, min(row_no) AS first_row,
	min(code) <> max(code) OR min(coalesce(minutes_late, -1)) <> max(coalesce(minutes_late, -1)) AS clash
FROM stage_marks
GROUP BY upn, date, session, school_urn
HAVING count(*) > 1;

SELECT count(*) FILTER (WHERE clash)::INTEGER AS clashes FROM stage_repeats;
