-- Published national (and, imported later, local) attendance figures in the DfE's tidy layout.
-- Percentages, not fractions. origin 'shipped' rows come from data/reference/national-benchmarks.csv
-- and are reloaded whenever the warehouse opens; other origins are kept.
CREATE TABLE national_benchmarks (
	period VARCHAR NOT NULL,          -- academic year, '2024/25'
	time_identifier VARCHAR NOT NULL, -- 'Full academic year', 'Autumn term', …
	geographic_level VARCHAR NOT NULL,
	area VARCHAR NOT NULL,
	school_type VARCHAR NOT NULL,
	breakdown VARCHAR NOT NULL,
	breakdown_value VARCHAR NOT NULL,
	measure VARCHAR NOT NULL,
	value_percent DOUBLE NOT NULL,
	source VARCHAR,
	origin VARCHAR NOT NULL
);
