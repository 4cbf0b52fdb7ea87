-- Interventions, the history of one pupil's interventions: each change, newest first, with the values as
-- they were before it (the current values are the intervention itself). Pupil-level.
-- Grain: one row per change. Parameters: $upn.
SELECT h.intervention_id, h.changed_at, h.change, h.changed_by, h.import_id, f.file_name,
	h.previous_type, h.previous_end_date, h.previous_review_date, h.previous_target, h.previous_notes, h.previous_staff
FROM intervention_history h
JOIN interventions i ON i.intervention_id = h.intervention_id
JOIN pupils p ON p.pupil_id = i.pupil_id
LEFT JOIN imports f ON f.import_id = h.import_id
WHERE p.upn = $upn::VARCHAR
	AND in_scope(i.school_urn, $schools::VARCHAR)
ORDER BY h.changed_at DESC, h.intervention_id;
