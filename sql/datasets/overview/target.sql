-- Overview, target: the attendance target that applies to $school (NULL: the trust), as a percentage
-- (96 = 96%), and where it comes from. Grain: one row.
-- Rule: the school's own latest target (school_targets, by set_at); else the trust's latest (school_urn
-- NULL); else the default, 96%. source: 'school' | 'trust' | 'default'; set_at NULL for the default.
SELECT
	coalesce(own.attendance_target_percent, trust.attendance_target_percent, 96.0) AS target_percent,
	CASE WHEN own.attendance_target_percent IS NOT NULL THEN 'school'
		WHEN trust.attendance_target_percent IS NOT NULL THEN 'trust' ELSE 'default' END AS source,
	coalesce(own.set_at, trust.set_at) AS set_at
FROM (SELECT 1) one
LEFT JOIN (
	SELECT attendance_target_percent, set_at FROM school_targets
	WHERE $school::INTEGER IS NOT NULL AND school_urn = $school::INTEGER
	ORDER BY set_at DESC LIMIT 1
) own ON true
LEFT JOIN (
	SELECT attendance_target_percent, set_at FROM school_targets
	WHERE school_urn IS NULL
	ORDER BY set_at DESC LIMIT 1
) trust ON true;
