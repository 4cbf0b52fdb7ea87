-- Imported benchmark figures (issue 7): national, regional and local authority rows in the same tidy layout
-- as the shipped national-benchmarks.csv, kept in national_benchmarks with origin 'imported' (the shipped
-- rows are reloaded on every open; imported ones are not touched by that).
-- benchmark_areas: the code of each local authority named by imported figures, as the schools file's LA
-- column gives it (873) or its GSS code (E10000003), for matching a school to its LA's figures.
CREATE TABLE benchmark_areas (
	geographic_level VARCHAR NOT NULL,
	area VARCHAR NOT NULL,
	area_code VARCHAR NOT NULL,
	import_id INTEGER,
	PRIMARY KEY (geographic_level, area)
);

-- The last day a published period covers, from its academic year ('2024/25') and time identifier. The
-- DfE's termly releases are cumulative from 1 September: the autumn term ends 31 December, the spring
-- term (alone or with the autumn term) 31 March, the summer term and the full academic year 31 August.
CREATE MACRO benchmark_period_end(period, time_identifier) AS
	CASE
		WHEN NOT regexp_full_match(period, '[0-9]{4}/[0-9]{2}') THEN NULL
		WHEN lower(time_identifier) = 'autumn term' THEN make_date(left(period, 4)::INTEGER, 12, 31)
		WHEN lower(time_identifier) IN ('spring term', 'autumn and spring term') THEN make_date(left(period, 4)::INTEGER + 1, 3, 31)
		ELSE make_date(left(period, 4)::INTEGER + 1, 8, 31)
	END;

-- Every benchmark figure once, with its period's end and its area's code: where an imported (or other
-- locally added) row and a shipped row give the same figure (same period, place, school type, group and
-- measure), the local one, a newer release, stands.
CREATE VIEW benchmarks AS
SELECT n.*, benchmark_period_end(n.period, n.time_identifier) AS period_end, a.area_code
FROM national_benchmarks n
LEFT JOIN benchmark_areas a ON a.geographic_level = n.geographic_level AND a.area = n.area
QUALIFY row_number() OVER (
	PARTITION BY n.period, n.time_identifier, n.geographic_level, n.area, n.school_type, n.breakdown, n.breakdown_value, n.measure
	ORDER BY CASE n.origin WHEN 'shipped' THEN 1 ELSE 0 END, n.source) = 1;
