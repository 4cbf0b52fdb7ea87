-- Interventions, record one from a pupil's page: import_id NULL, recorded_by / recorded_at the signed-in
-- user and the time, staff the user's name. The caller has checked the pupil, school, type and dates.
-- Parameters: $upn, $school, $type, $start, $end, $review, $target, $notes, $staff, $by, $at.
INSERT INTO interventions (intervention_id, school_urn, pupil_id, type, start_date, end_date, review_date, target, notes, staff,
	import_id, recorded_by, recorded_at)
SELECT nextval('intervention_id_seq'), $school::INTEGER, pupil_id, $type::VARCHAR, $start::DATE, $end::DATE, $review::DATE,
	$target::VARCHAR, $notes::VARCHAR, $staff::VARCHAR, NULL, $by::VARCHAR, $at::TIMESTAMP
FROM pupils WHERE upn = $upn::VARCHAR
RETURNING intervention_id;
