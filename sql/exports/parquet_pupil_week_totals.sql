-- Parquet export: the pupil_week_totals pre-aggregate (sql/schema/042_pupil_week_totals.sql), partitioned like the
-- marks (by the academic year of the week's Monday, and la), for the measures that read it.
COPY (
	SELECT replace(academic_year_label(w.week), '/', '-') AS academic_year,
		coalesce(nullif(trim(s.la_code), ''), 'unknown') AS la, w.*
	FROM pupil_week_totals w
	LEFT JOIN schools s ON s.urn = w.school_urn
	ORDER BY w.school_urn, w.week, w.pupil_id
) TO $path (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (academic_year, la));
