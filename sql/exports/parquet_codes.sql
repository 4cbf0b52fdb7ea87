-- Parquet export: the national attendance code table the marks' categories come from; code_order is the
-- code's place in the warehouse's attendance_code ENUM (the order reports list codes in).
COPY (
	SELECT code::VARCHAR AS code, enum_code(code)::INTEGER AS code_order, meaning, category::VARCHAR AS category, counts_in_possible, dfe_statistical_field,
		valid_from, valid_to, notes, previous_code
	FROM codes ORDER BY code
) TO $path (FORMAT parquet, COMPRESSION zstd);
