-- Merges staged benchmark figures as origin 'imported': a figure already imported (same period, time
-- identifier, level, area, school type, breakdown, group and measure) is replaced when its value or source
-- differ (amended), else left (unchanged); the shipped rows are never touched. Each area's code (local
-- authorities) goes to benchmark_areas, the latest import's standing.
CREATE OR REPLACE TEMP TABLE stage_benchmark_diff AS
SELECT s.*, CASE WHEN n.measure IS NULL THEN 'added'
		WHEN (n.value_percent, n.source) IS DISTINCT FROM (s.value_percent, s.source) THEN 'amended'
		ELSE 'unchanged' END AS outcome
FROM stage_benchmarks s
LEFT JOIN national_benchmarks n ON n.origin = 'imported'
	AND (n.period, n.time_identifier, n.geographic_level, n.area, n.school_type, n.breakdown, n.breakdown_value, n.measure)
		= (s.period, s.time_identifier, s.geographic_level, s.area, s.school_type, s.breakdown, s.breakdown_value, s.measure);

DELETE FROM national_benchmarks USING stage_benchmark_diff d
WHERE d.outcome = 'amended' AND national_benchmarks.origin = 'imported'
	AND (national_benchmarks.period, national_benchmarks.time_identifier, national_benchmarks.geographic_level, national_benchmarks.area,
		national_benchmarks.school_type, national_benchmarks.breakdown, national_benchmarks.breakdown_value, national_benchmarks.measure)
		= (d.period, d.time_identifier, d.geographic_level, d.area, d.school_type, d.breakdown, d.breakdown_value, d.measure);

INSERT INTO national_benchmarks (period, time_identifier, geographic_level, area, school_type, breakdown, breakdown_value, measure,
	value_percent, source, origin)
SELECT period, time_identifier, geographic_level, area, school_type, breakdown, breakdown_value, measure,
	value_percent, source, 'imported'
FROM stage_benchmark_diff WHERE outcome <> 'unchanged';

INSERT OR REPLACE INTO benchmark_areas
SELECT DISTINCT geographic_level, area, area_code, $import_id::INTEGER FROM stage_benchmarks WHERE area_code IS NOT NULL;

SELECT
	count(*) FILTER (WHERE outcome = 'added')::INTEGER AS added,
	count(*) FILTER (WHERE outcome = 'amended')::INTEGER AS amended,
	count(*) FILTER (WHERE outcome = 'unchanged')::INTEGER AS unchanged
FROM stage_benchmark_diff;
