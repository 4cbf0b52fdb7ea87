-- Benchmarks file (the tidy layout of data/reference/national-benchmarks.csv, plus an optional area_code)
-- into stage_benchmarks, typed, with stage_problems. {{…}} are column names c1..cN (or NULL) chosen by the
-- importer from the header. A figure is period × time identifier × level × area × school type × breakdown
-- × group × measure; values are percentages (7.1 = 7.1%).
CREATE OR REPLACE TEMP TABLE stage_benchmarks AS
SELECT *, try_cast(value_text AS DOUBLE) AS value_percent
FROM (
	SELECT row_no,
		nullif(trim({{period}}::VARCHAR), '') AS period,
		nullif(trim({{time_identifier}}::VARCHAR), '') AS time_identifier,
		nullif(trim({{geographic_level}}::VARCHAR), '') AS geographic_level,
		nullif(trim({{area}}::VARCHAR), '') AS area,
		nullif(trim({{area_code}}::VARCHAR), '') AS area_code,
		nullif(trim({{school_type}}::VARCHAR), '') AS school_type,
		nullif(trim({{breakdown}}::VARCHAR), '') AS breakdown,
		nullif(trim({{breakdown_value}}::VARCHAR), '') AS breakdown_value,
		nullif(trim({{measure}}::VARCHAR), '') AS measure,
		nullif(trim({{value}}::VARCHAR), '') AS value_text,
		nullif(trim({{source}}::VARCHAR), '') AS source
	FROM stage_csv
);

CREATE OR REPLACE TEMP TABLE stage_problems AS
SELECT row_no, NULL::INTEGER AS line, NULL::VARCHAR AS upn, reason, NULL::INTEGER AS other_row FROM (
	SELECT row_no, 'period ''' || coalesce(period, '') || ''' is not an academic year like 2024/25' AS reason
		FROM stage_benchmarks
		WHERE NOT regexp_full_match(coalesce(period, ''), '[0-9]{4}/[0-9]{2}')
			OR (try_cast(left(period, 4) AS INTEGER) + 1) % 100 <> try_cast(right(period, 2) AS INTEGER)
	UNION ALL SELECT row_no, 'time identifier ''' || coalesce(time_identifier, '') || ''' is not one of Full academic year, Autumn term, Spring term, Summer term, Autumn and spring term'
		FROM stage_benchmarks
		WHERE coalesce(time_identifier, '') NOT IN ('Full academic year', 'Autumn term', 'Spring term', 'Summer term', 'Autumn and spring term')
	UNION ALL SELECT row_no, 'geographic level ''' || coalesce(geographic_level, '') || ''' is not National, Regional or Local authority'
		FROM stage_benchmarks WHERE coalesce(geographic_level, '') NOT IN ('National', 'Regional', 'Local authority')
	UNION ALL SELECT row_no, 'no area (England, the region or the local authority)' FROM stage_benchmarks WHERE area IS NULL
	UNION ALL SELECT row_no, 'a local authority row needs an area_code (the LA number, as in the schools file''s LA column)'
		FROM stage_benchmarks WHERE geographic_level = 'Local authority' AND area_code IS NULL
	UNION ALL SELECT row_no, 'no school type' FROM stage_benchmarks WHERE school_type IS NULL
	UNION ALL SELECT row_no, 'no breakdown (Total for all pupils)' FROM stage_benchmarks WHERE breakdown IS NULL
	UNION ALL SELECT row_no, 'no breakdown value (All pupils for the Total)' FROM stage_benchmarks WHERE breakdown_value IS NULL
	UNION ALL SELECT row_no, 'measure ''' || coalesce(measure, '') || ''' is not one of overall_absence_rate, authorised_absence_rate, unauthorised_absence_rate, persistent_absence_percent, severe_absence_percent'
		FROM stage_benchmarks
		WHERE coalesce(measure, '') NOT IN ('overall_absence_rate', 'authorised_absence_rate', 'unauthorised_absence_rate',
			'persistent_absence_percent', 'severe_absence_percent')
	UNION ALL SELECT row_no, 'value ''' || coalesce(value_text, '') || ''' is not a percentage from 0 to 100'
		FROM stage_benchmarks WHERE value_percent IS NULL OR value_percent < 0 OR value_percent > 100 OR isnan(value_percent)
	UNION ALL SELECT row_no, 'no source (the release the figure comes from)' FROM stage_benchmarks WHERE source IS NULL
	UNION ALL SELECT b.row_no, 'area ' || b.area || ' has area code ' || b.area_code || ' here but ' || f.area_code || ' on an earlier line'
		FROM stage_benchmarks b
		JOIN (SELECT geographic_level, area, arg_min(area_code, row_no) AS area_code FROM stage_benchmarks
			WHERE area_code IS NOT NULL GROUP BY geographic_level, area) f ON f.geographic_level = b.geographic_level AND f.area = b.area
		WHERE b.area_code <> f.area_code
	UNION ALL SELECT b.row_no, 'the same figure (' || b.period || ', ' || b.time_identifier || ', ' || b.area || ', ' || b.school_type || ', '
			|| b.breakdown_value || ', ' || b.measure || ') is listed twice'
		FROM stage_benchmarks a JOIN stage_benchmarks b
			ON (a.period, a.time_identifier, a.geographic_level, a.area, a.school_type, a.breakdown, a.breakdown_value, a.measure)
				= (b.period, b.time_identifier, b.geographic_level, b.area, b.school_type, b.breakdown, b.breakdown_value, b.measure)
			AND a.row_no < b.row_no
);
