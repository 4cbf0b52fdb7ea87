-- Parquet export: the school_code_totals pre-aggregate (sql/schema/041_school_code_totals.sql), partitioned
-- like the marks (academic_year '2024-25', la).
COPY (
	SELECT replace(academic_year_label(t.date), '/', '-') AS academic_year,
		coalesce(nullif(trim(s.la_code), ''), 'unknown') AS la,
		t.school_urn, t.date, t.session::VARCHAR AS session, t.code::VARCHAR AS code, t.sessions
	FROM school_code_totals t
	LEFT JOIN schools s ON s.urn = t.school_urn
	ORDER BY t.school_urn, t.date, t.session, t.code
) TO $path (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (academic_year, la));
