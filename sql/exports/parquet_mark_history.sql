-- Parquet export: every amendment of a mark (mark_history, without who made it), partitioned like the marks.
COPY (
	SELECT replace(academic_year_label(h.date), '/', '-') AS academic_year,
		coalesce(nullif(trim(s.la_code), ''), 'unknown') AS la,
		h.school_urn, h.pupil_id, h.date, h.session::VARCHAR AS session, h.previous_code::VARCHAR AS previous_code,
		h.previous_minutes_late, h.previous_import_id, h.new_code::VARCHAR AS new_code, h.new_minutes_late, h.import_id,
		h.changed_at, h.reason
	FROM mark_history h
	LEFT JOIN schools s ON s.urn = h.school_urn
	ORDER BY h.school_urn, h.date, h.pupil_id, h.session
) TO $path (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (academic_year, la));
