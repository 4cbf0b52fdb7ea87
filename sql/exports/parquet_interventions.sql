-- Parquet export: attendance interventions (type and dates; the free-text notes and staff names are left out).
COPY (
	SELECT intervention_id, school_urn, pupil_id, type, start_date, end_date, review_date, target
	FROM interventions ORDER BY intervention_id
) TO $path (FORMAT parquet, COMPRESSION zstd);
