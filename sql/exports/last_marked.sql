-- exports/last_marked: the data's last marked date (the latest date with any register mark) for the
-- school(s) an export covers, for the export's provenance. $school: a URN, or NULL for every school;
-- $until: the export's period end (the last mark on or before it), or NULL.
SELECT max(date) AS last_marked, count(DISTINCT school_urn)::INTEGER AS schools
FROM marks
WHERE ($school::INTEGER IS NULL OR school_urn = $school::INTEGER)
	AND ($until::DATE IS NULL OR date <= $until::DATE);
