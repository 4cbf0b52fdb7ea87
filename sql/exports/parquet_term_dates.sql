-- Parquet export: the term dates (school_urn NULL: every school's).
COPY (
	SELECT school_urn, academic_year, term, half_term, start_date, end_date FROM term_dates ORDER BY start_date, school_urn
) TO $path (FORMAT parquet, COMPRESSION zstd);
