-- Interventions, move a type one place up ($step = -1) or down ($step = 1) the list: it swaps places with
-- its neighbour (nothing happens at either end). Parameters: $type_id, $step.
CREATE OR REPLACE TEMP TABLE moving AS
WITH ordered AS (
	SELECT type_id, position, row_number() OVER (ORDER BY position, type_id) AS place FROM intervention_types
),
this AS (SELECT * FROM ordered WHERE type_id = $type_id::INTEGER)
SELECT o.type_id, (SELECT position FROM this) AS new_position, (SELECT type_id FROM this) AS this_id, o.position AS other_position
FROM ordered o WHERE o.place = (SELECT place FROM this) + $step::INTEGER;

-- positions renumbered first so that two types never share one
UPDATE intervention_types SET position = r.place
FROM (SELECT type_id, row_number() OVER (ORDER BY position, type_id) AS place FROM intervention_types) r
WHERE intervention_types.type_id = r.type_id;

UPDATE intervention_types SET position = position + $step::INTEGER
WHERE type_id = $type_id::INTEGER AND EXISTS (SELECT 1 FROM moving);

UPDATE intervention_types SET position = position - $step::INTEGER
WHERE type_id = (SELECT type_id FROM moving);

SELECT count(*)::INTEGER AS moved FROM moving;
