-- Parquet export: the school_day_totals pre-aggregate (sql/schema/040_pre_aggregates.sql), one file.
COPY (SELECT school_urn, date, possible_sessions FROM school_day_totals ORDER BY school_urn, date) TO $path (FORMAT parquet, COMPRESSION zstd);
