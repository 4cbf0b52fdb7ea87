-- Pupil mark history: every amendment of one pupil's marks dated in the chosen range: the mark as it was
-- (previous_code, recorded by previous_import_id) and as it became (new_code, by import_id), when the
-- amending file was imported (changed_at, a UTC timestamp) and the reason and author the export gave.
-- Grain: one row per amendment (a session amended twice has two rows). Ordered by the mark's date and
-- session, then by when it changed.
-- Parameters: $upn and the dashboard filters: the marks' dates ($from..$to) and school; year group and
-- cohort as filtered_marks applies them (the pupil's group as of $from).
WITH chosen AS (
	SELECT pupil_id FROM chosen_pupil($upn::VARCHAR, $from::DATE, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
)
SELECT
	h.date,
	h.session::VARCHAR AS session,
	h.previous_code::VARCHAR AS previous_code,
	h.new_code::VARCHAR AS new_code,
	h.previous_minutes_late::INTEGER AS previous_minutes_late,
	h.new_minutes_late::INTEGER AS new_minutes_late,
	h.previous_import_id,
	prev.file_name AS previous_file_name,
	h.import_id,
	i.file_name,
	h.changed_at,
	h.reason,
	h.author,
	h.school_urn
FROM mark_history h
LEFT JOIN imports i ON i.import_id = h.import_id
LEFT JOIN imports prev ON prev.import_id = h.previous_import_id
WHERE h.pupil_id = (SELECT pupil_id FROM chosen)
	AND h.date BETWEEN $from::DATE AND $to::DATE
	AND ($school::INTEGER IS NULL OR h.school_urn = $school::INTEGER)
	AND in_scope(h.school_urn, $schools::VARCHAR)
ORDER BY h.date, h.session, h.changed_at, h.import_id;
