-- Interventions, retire a type (no longer offered for new interventions; the log keeps it) or bring it
-- back. Parameters: $type_id, $retired (boolean), $at.
UPDATE intervention_types
SET retired_at = CASE WHEN $retired::BOOLEAN THEN coalesce(retired_at, $at::TIMESTAMP) END
WHERE type_id = $type_id::INTEGER;
