-- Parquet export: the pupil_day_totals pre-aggregate (sql/schema/040_pre_aggregates.sql), partitioned like the
-- marks (academic_year '2024-25', la), for the measures that read it.
COPY (
	SELECT replace(academic_year_label(d.date), '/', '-') AS academic_year,
		coalesce(nullif(trim(s.la_code), ''), 'unknown') AS la, d.*
	FROM pupil_day_totals d
	LEFT JOIN schools s ON s.urn = d.school_urn
	ORDER BY d.school_urn, d.date, d.pupil_id
) TO $path (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (academic_year, la));
