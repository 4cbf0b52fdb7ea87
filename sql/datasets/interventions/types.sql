-- Interventions, types: the trust's list of intervention types in its order, with how many interventions
-- of each the log holds and the names each had before it was renamed (comma-separated).
-- Grain: one row per type. Parameters: none.
SELECT
	t.type_id,
	t.name,
	t.position,
	t.retired_at,
	t.added_at,
	t.added_by,
	(SELECT count(*) FROM interventions i WHERE i.type = t.name)::INTEGER AS interventions,
	(SELECT string_agg(n.name, ', ' ORDER BY n.renamed_at) FROM intervention_type_names n WHERE n.type_id = t.type_id) AS former_names
FROM intervention_types t
ORDER BY t.position, t.type_id;
