-- Parquet export: the schools (la: as in the marks' partitions).
COPY (
	SELECT urn, name, coalesce(nullif(trim(la_code), ''), 'unknown') AS la, la_code, estab, phase FROM schools ORDER BY urn
) TO $path (FORMAT parquet, COMPRESSION zstd);
