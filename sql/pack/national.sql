-- Pack, national: the published national (England) figures to set beside a school's for $academic_year
-- ('2024/25'), all pupils: overall, authorised and unauthorised absence rates, persistent and severe absence,
-- as fractions (0.071 = 7.1%). Grain: one row per measure found (none when nothing is published for the year).
-- Rule: the school type of the school(s) in scope ($school NULL: the trust; school_type_of) where published,
-- else all state-funded schools; the most complete period of the year: the full academic year, else autumn and
-- spring, else the latest term; imported figures over shipped ones (benchmark_figures: sql/rules/benchmarks.sql).
-- period and school_type say which figure was taken, source its release.
WITH scope AS (
	SELECT school_type_of(phase) AS school_type
	FROM schools
	WHERE $school::INTEGER IS NULL OR urn = $school::INTEGER
),
-- each measure's figure, the first in that order (an aggregate: a window costs some milliseconds however few the rows)
best AS (
	SELECT n.measure,
		first({'value': n.value, 'period': n.period || ', ' || lower(n.time_identifier), 'school_type': n.school_type, 'source': n.source}
			ORDER BY n.school_type = s.school_type DESC,
				CASE n.time_identifier WHEN 'Full academic year' THEN 1 WHEN 'Autumn and spring term' THEN 2 WHEN 'Summer term' THEN 3
					WHEN 'Spring term' THEN 4 WHEN 'Autumn term' THEN 5 ELSE 6 END,
				n.origin = 'shipped') AS figure
	FROM scope s, benchmark_figures(NULL, NULL) n
	WHERE n.place = 'national' AND n.breakdown = 'Total' AND n.breakdown_value = 'All pupils'
		AND n.period = $academic_year::VARCHAR
		AND n.school_type IN (s.school_type, 'State-funded primary secondary and special')
		AND n.measure IN ('overall_absence_rate', 'authorised_absence_rate', 'unauthorised_absence_rate',
			'persistent_absence_percent', 'severe_absence_percent')
	GROUP BY n.measure
)
SELECT measure, figure.value AS value, figure.period AS period, figure.school_type AS school_type, figure.source AS source
FROM best
ORDER BY measure;
