-- Pack, national: the published national (England) figures to set beside a school's for $academic_year
-- ('2024/25'), all pupils: overall, authorised and unauthorised absence rates, persistent and severe absence,
-- as fractions (0.071 = 7.1%). Grain: one row per measure found (none when nothing is published for the year).
-- Rule: the school type of the school(s) in scope ($school NULL: the trust) where published (all 'Primary' →
-- 'State-funded primary', all 'Secondary' → 'State-funded secondary'), else all state-funded schools; the
-- most complete period of the year: the full academic year, else autumn and spring, else the latest term;
-- shipped and imported rows alike. period and school_type say which figure was taken, source its release.
WITH phase AS (
	SELECT CASE
			WHEN count(DISTINCT coalesce(lower(trim(phase)), '')) = 1 AND min(lower(trim(phase))) = 'primary' THEN 'State-funded primary'
			WHEN count(DISTINCT coalesce(lower(trim(phase)), '')) = 1 AND min(lower(trim(phase))) = 'secondary' THEN 'State-funded secondary'
			ELSE 'State-funded primary secondary and special'
		END AS school_type
	FROM schools
	WHERE $school::INTEGER IS NULL OR urn = $school::INTEGER
)
SELECT n.measure, n.value_percent / 100 AS value, n.period || ', ' || lower(n.time_identifier) AS period,
	n.school_type, n.source
FROM national_benchmarks n, phase p
WHERE n.geographic_level = 'National' AND n.breakdown = 'Total' AND n.breakdown_value = 'All pupils'
	AND n.period = $academic_year::VARCHAR
	AND n.school_type IN (p.school_type, 'State-funded primary secondary and special')
	AND n.measure IN ('overall_absence_rate', 'authorised_absence_rate', 'unauthorised_absence_rate',
		'persistent_absence_percent', 'severe_absence_percent')
QUALIFY row_number() OVER (
	PARTITION BY n.measure
	ORDER BY n.school_type = p.school_type DESC,
		CASE n.time_identifier WHEN 'Full academic year' THEN 1 WHEN 'Autumn and spring term' THEN 2 WHEN 'Summer term' THEN 3
			WHEN 'Spring term' THEN 4 WHEN 'Autumn term' THEN 5 ELSE 6 END,
		n.origin = 'shipped') = 1
ORDER BY n.measure;
