-- Interventions, add a type at the end of the list. The caller has checked that no type has this name
-- (ignoring case). Parameters: $name, $by (the user's name), $at (timestamp).
INSERT INTO intervention_types (type_id, name, position, added_at, added_by)
SELECT nextval('intervention_type_id_seq'), $name::VARCHAR, coalesce(max(position), 0) + 1, $at::TIMESTAMP, $by::VARCHAR
FROM intervention_types;
