-- Parquet export: each pupil's admission, leaving and first and last marked dates at each school.
COPY (
	SELECT school_urn, pupil_id, admission_date, leaving_date, first_mark_date, last_mark_date
	FROM enrolments ORDER BY school_urn, pupil_id
) TO $path (FORMAT parquet, COMPRESSION zstd);
