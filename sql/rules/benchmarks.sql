-- Which published figures stand beside a school's (or a trust's): the school type and local authority of the
-- school(s) in scope, and the figures for them. Used by the Overview's periods, the cohorts view and the
-- governors' pack (sql/datasets/overview/periods.sql, datasets/cohorts/by_dimension.sql, pack/national.sql).

-- school_type_of(phase): an aggregate over the schools in scope (SELECT school_type_of(phase) FROM schools
-- WHERE …): the DfE school type their figures are published for. All 'Primary' → 'State-funded primary', all
-- 'Secondary' → 'State-funded secondary' (phase compared trimmed, in any case), else (mixed phases, an
-- unknown phase, no school) 'State-funded primary secondary and special'.
CREATE OR REPLACE MACRO school_type_of(phase) AS CASE
	WHEN count(DISTINCT coalesce(lower(trim(phase)), '')) = 1 AND min(lower(trim(phase))) = 'primary' THEN 'State-funded primary'
	WHEN count(DISTINCT coalesce(lower(trim(phase)), '')) = 1 AND min(lower(trim(phase))) = 'secondary' THEN 'State-funded secondary'
	ELSE 'State-funded primary secondary and special'
END;

-- la_of(la_code): an aggregate over the schools in scope: their local authority (schools.la_code) when they
-- are all in one, else NULL (schools in several LAs, or any without one).
CREATE OR REPLACE MACRO la_of(la_code) AS
	CASE WHEN count(DISTINCT la_code) = 1 AND count(la_code) = count(*) THEN min(la_code) END;

-- benchmark_rows(): every published figure once (national_benchmarks: shipped and imported rows, with its period's
-- end, benchmark_period_end, and its area's code, benchmark_areas): where an imported (or other locally added)
-- row and a shipped row give the same figure (same period, time identifier, place, school type, group and
-- measure), the local one, a newer release, stands (then the first by source). The benchmarks view is these rows
-- (sql/schema/043_benchmarks_view.sql). An aggregate, not a window: a window costs some milliseconds however few
-- the rows. The tables are named by parameter so that the rule can be made before the migrations have made them.
CREATE OR REPLACE MACRO benchmark_rows(figure_table := 'national_benchmarks', area_table := 'benchmark_areas') AS TABLE
SELECT n.period, n.time_identifier, n.geographic_level, n.area, n.school_type, n.breakdown, n.breakdown_value, n.measure,
	n.figure.value_percent AS value_percent, n.figure.source AS source, n.figure.origin AS origin,
	benchmark_period_end(n.period, n.time_identifier) AS period_end, a.area_code
FROM (
	SELECT period, time_identifier, geographic_level, area, school_type, breakdown, breakdown_value, measure,
		first({'value_percent': value_percent, 'source': source, 'origin': origin}
			ORDER BY CASE origin WHEN 'shipped' THEN 1 ELSE 0 END, source) AS figure
	FROM query_table(figure_table)
	GROUP BY period, time_identifier, geographic_level, area, school_type, breakdown, breakdown_value, measure
) n
LEFT JOIN query_table(area_table) a ON a.geographic_level = n.geographic_level AND a.area = n.area;

-- benchmark_figures(local_authority, school_type): the published figures for a school type (NULL: every one),
-- England's (place 'national': geographic_level 'National') and, where imported, those of the local authority
-- whose code is local_authority (place 'la': geographic_level 'Local authority' rows whose area_code it is; none
-- when it is NULL). One row per figure: period ('2024/25'), time_identifier, period_end, school_type, breakdown,
-- breakdown_value, measure, value (a fraction: value_percent / 100), source, area, origin. From benchmark_rows:
-- imported figures stand over shipped ones. Which period and group the callers take is theirs to say.
-- (figure_table, area_table: benchmark_rows', so that this rule too can be made before the tables.)
CREATE OR REPLACE MACRO benchmark_figures(local_authority, school_type, figure_table := 'national_benchmarks',
	area_table := 'benchmark_areas') AS TABLE
SELECT
	CASE WHEN n.geographic_level = 'National' THEN 'national' ELSE 'la' END AS place,
	n.period, n.time_identifier, n.period_end, n.school_type, n.breakdown, n.breakdown_value, n.measure,
	n.value_percent / 100 AS value,
	n.source, n.area, n.origin
FROM benchmark_rows(figure_table := figure_table, area_table := area_table) n
WHERE (school_type IS NULL OR n.school_type = school_type)
	AND (n.geographic_level = 'National' OR (n.geographic_level = 'Local authority' AND n.area_code = local_authority));
