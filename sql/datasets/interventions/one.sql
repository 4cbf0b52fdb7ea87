-- Interventions, one by id, with its pupil's UPN and its school (the intervention's own, else the school
-- the pupil was last marked at): what the pupil page's change action checks before it changes anything.
-- Parameters: $intervention_id.
SELECT i.intervention_id, p.upn, i.type, i.start_date, i.end_date, i.review_date,
	coalesce(i.school_urn, (SELECT e.school_urn FROM enrolments e WHERE e.pupil_id = i.pupil_id
		ORDER BY e.last_mark_date DESC NULLS LAST, e.school_urn LIMIT 1)) AS school_urn
FROM interventions i JOIN pupils p ON p.pupil_id = i.pupil_id
WHERE i.intervention_id = $intervention_id::INTEGER;
