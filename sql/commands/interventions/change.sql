-- Interventions, set an end date or a new review date on one (from the pupil's page): the row as it was
-- goes to intervention_history first. A NULL parameter leaves that date as it is.
-- Parameters: $intervention_id, $end, $review, $change (what changed, in words), $by, $at.
INSERT INTO intervention_history (intervention_id, changed_at, change, changed_by, import_id, previous_type, previous_end_date,
	previous_review_date, previous_target, previous_notes, previous_staff, previous_school_urn, previous_import_id)
SELECT intervention_id, $at::TIMESTAMP, $change::VARCHAR, $by::VARCHAR, NULL, type, end_date, review_date, target, notes, staff,
	school_urn, import_id
FROM interventions WHERE intervention_id = $intervention_id::INTEGER;

UPDATE interventions
SET end_date = coalesce($end::DATE, end_date), review_date = coalesce($review::DATE, review_date)
WHERE intervention_id = $intervention_id::INTEGER;
