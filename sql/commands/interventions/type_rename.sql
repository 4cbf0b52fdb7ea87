-- Interventions, rename a type: the list's name changes, the old name is kept as a former name (so a file
-- that still uses it maps onto the type), and every intervention of the type takes the new name, each
-- change kept in intervention_history. The caller has checked the new name is free (ignoring case).
-- Parameters: $type_id, $name (the new name), $by, $at.
CREATE OR REPLACE TEMP TABLE renaming AS
SELECT type_id, name AS old_name FROM intervention_types WHERE type_id = $type_id::INTEGER;

INSERT INTO intervention_type_names (type_id, name, renamed_at, renamed_by)
SELECT type_id, old_name, $at::TIMESTAMP, $by::VARCHAR FROM renaming WHERE old_name <> $name::VARCHAR;

INSERT INTO intervention_history (intervention_id, changed_at, change, changed_by, import_id, previous_type, previous_end_date,
	previous_review_date, previous_target, previous_notes, previous_staff, previous_school_urn, previous_import_id)
SELECT i.intervention_id, $at::TIMESTAMP, 'type renamed', $by::VARCHAR, NULL, i.type, i.end_date, i.review_date, i.target, i.notes,
	i.staff, i.school_urn, i.import_id
FROM interventions i JOIN renaming r ON i.type = r.old_name
WHERE r.old_name <> $name::VARCHAR;

UPDATE interventions SET type = $name::VARCHAR
WHERE type = (SELECT old_name FROM renaming) AND type <> $name::VARCHAR;

UPDATE intervention_types SET name = $name::VARCHAR WHERE type_id = $type_id::INTEGER;

SELECT (SELECT old_name FROM renaming) AS old_name,
	(SELECT count(*) FROM interventions WHERE type = $name::VARCHAR)::INTEGER AS interventions;
