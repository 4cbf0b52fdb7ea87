-- Parquet export (npm run cli -- export parquet): every current mark with what a national analysis needs
-- beside it (its code's category, whether it counts in possible sessions, the school's LA), written to
-- $path as Parquet files partitioned by academic year and LA in the hive layout
-- ($path/academic_year=2024-25/la=873/data_0.parquet). academic_year is '2024-25' (a '/' cannot go in a
-- folder name); la is the school's LA code, or 'unknown' when the schools file gave none.
COPY (
	SELECT
		replace(academic_year_label(m.date), '/', '-') AS academic_year,
		coalesce(nullif(trim(s.la_code), ''), 'unknown') AS la,
		m.school_urn, m.pupil_id, m.date, m.session::VARCHAR AS session, m.code::VARCHAR AS code,
		c.category::VARCHAR AS category, c.counts_in_possible, m.minutes_late, m.import_id
	FROM marks m
	JOIN codes c ON c.code = m.code
	LEFT JOIN schools s ON s.urn = m.school_urn
	ORDER BY m.school_urn, m.date, m.pupil_id, m.session
) TO $path (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (academic_year, la));
