-- Upserts stage_interventions: an intervention is one pupil × type × start date; a later file with
-- the same key updates its end, review, target, notes and staff (the row as it was goes to
-- intervention_history). Returns added / amended / unchanged.
-- Types: a file's type matches the trust's list (intervention_types) by name ignoring case, or by a name
-- the type had before it was renamed, and takes the list's spelling; a type on neither is added to the
-- list as first written in the file.
CREATE OR REPLACE TEMP TABLE stage_type_map AS
WITH written AS (
	SELECT type AS written, min(row_no) AS first_row FROM stage_interventions GROUP BY type
),
known AS (
	SELECT lower(name) AS key, name, 0 AS priority FROM intervention_types
	UNION ALL
	SELECT lower(n.name), t.name, 1 FROM intervention_type_names n JOIN intervention_types t ON t.type_id = n.type_id
)
SELECT w.written, w.first_row, (SELECT arg_min(k.name, k.priority) FROM known k WHERE k.key = lower(w.written)) AS name
FROM written w;

INSERT INTO intervention_types (type_id, name, position, added_at, added_by)
SELECT nextval('intervention_type_id_seq'), written,
	(SELECT coalesce(max(position), 0) FROM intervention_types) + row_number() OVER (ORDER BY first_row),
	$changed_at::TIMESTAMP, 'import #' || $import_id::INTEGER
FROM (
	SELECT arg_min(written, first_row) AS written, min(first_row) AS first_row
	FROM stage_type_map WHERE name IS NULL GROUP BY lower(written)
);

UPDATE stage_type_map SET name = t.name
FROM intervention_types t
WHERE stage_type_map.name IS NULL AND lower(t.name) = lower(stage_type_map.written);

UPDATE stage_interventions SET type = m.name
FROM stage_type_map m
WHERE stage_interventions.type = m.written AND m.name <> m.written;

INSERT INTO pupils (pupil_id, upn, updated_by_import)
SELECT nextval('pupil_id_seq'), upn, $import_id
FROM (SELECT DISTINCT upn FROM stage_interventions ORDER BY upn) s
WHERE NOT EXISTS (SELECT 1 FROM pupils p WHERE p.upn = s.upn);

CREATE OR REPLACE TEMP TABLE stage_intervention_diff AS
SELECT s.*, p.pupil_id, i.intervention_id,
	CASE WHEN i.intervention_id IS NULL THEN 'added'
		WHEN (s.end_date, s.review_date, s.target, s.notes, s.staff, s.school_urn)
			IS DISTINCT FROM (i.end_date, i.review_date, i.target, i.notes, i.staff, i.school_urn) THEN 'amended'
		ELSE 'unchanged' END AS outcome
FROM (SELECT DISTINCT ON (upn, type, start_date) * FROM stage_interventions ORDER BY upn, type, start_date, row_no DESC) s
JOIN pupils p ON p.upn = s.upn
LEFT JOIN interventions i ON i.pupil_id = p.pupil_id AND i.type = s.type AND i.start_date = s.start_date;

INSERT INTO interventions (intervention_id, school_urn, pupil_id, type, start_date, end_date, review_date, target, notes, staff, import_id)
SELECT nextval('intervention_id_seq'), school_urn, pupil_id, type, start_date, end_date, review_date, target, notes, staff, $import_id
FROM stage_intervention_diff WHERE outcome = 'added';

INSERT INTO intervention_history (intervention_id, changed_at, change, changed_by, import_id, previous_type, previous_end_date,
	previous_review_date, previous_target, previous_notes, previous_staff, previous_school_urn, previous_import_id)
SELECT i.intervention_id, $changed_at::TIMESTAMP, 'amended by import', NULL, $import_id, i.type, i.end_date, i.review_date,
	i.target, i.notes, i.staff, i.school_urn, i.import_id
FROM interventions i JOIN stage_intervention_diff d ON d.intervention_id = i.intervention_id
WHERE d.outcome = 'amended';

UPDATE interventions SET end_date = d.end_date, review_date = d.review_date, target = d.target, notes = d.notes,
	staff = d.staff, school_urn = d.school_urn, import_id = $import_id
FROM stage_intervention_diff d
WHERE d.outcome = 'amended' AND interventions.intervention_id = d.intervention_id;

SELECT
	count(*) FILTER (WHERE outcome = 'added')::INTEGER AS added,
	count(*) FILTER (WHERE outcome = 'amended')::INTEGER AS amended,
	count(*) FILTER (WHERE outcome = 'unchanged')::INTEGER AS unchanged
FROM stage_intervention_diff;
