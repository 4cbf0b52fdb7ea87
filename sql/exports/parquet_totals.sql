-- What a Parquet export should hold, from the warehouse: marks by academic year, LA and code (the test and
-- the command's summary compare the export's own totals with these).
SELECT replace(academic_year_label(m.date), '/', '-') AS academic_year,
	coalesce(nullif(trim(s.la_code), ''), 'unknown') AS la, m.code::VARCHAR AS code, count(*)::BIGINT AS marks
FROM marks m LEFT JOIN schools s ON s.urn = m.school_urn
GROUP BY ALL
ORDER BY ALL;
