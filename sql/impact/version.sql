-- What the impact figures rest on, to know when a cached answer is stale: the latest import and the
-- intervention log's size and latest id (interventions can be recorded without an import).
SELECT (SELECT coalesce(max(import_id), 0) FROM imports)::INTEGER AS last_import,
	(SELECT count(*) FROM interventions)::INTEGER AS interventions,
	(SELECT coalesce(max(intervention_id), 0) FROM interventions)::INTEGER AS last_intervention;
