-- Whether the warehouse holds any mark on the school-days of the register being merged
-- ({{stage}}.stage_school_dates); $urn_from..$urn_to and $date_from..$date_to bound them.
SELECT count(*) > 0 AS held FROM (
	SELECT 1 FROM marks m
	WHERE m.school_urn BETWEEN $urn_from::INTEGER AND $urn_to::INTEGER AND m.date BETWEEN $date_from::DATE AND $date_to::DATE
		AND EXISTS (SELECT 1 FROM {{stage}}.stage_school_dates d WHERE d.school_urn = m.school_urn AND d.date = m.date)
	LIMIT 1
);
