-- Interventions, the schools a pupil has been on roll at (latest first): where an intervention recorded on
-- the pupil's page may belong. Parameters: $upn.
SELECT e.school_urn, coalesce(s.name, 'School ' || e.school_urn) AS school_name
FROM pupils p
JOIN enrolments e ON e.pupil_id = p.pupil_id
LEFT JOIN schools s ON s.urn = e.school_urn
WHERE p.upn = $upn::VARCHAR
	AND in_scope(e.school_urn, $schools::VARCHAR)
ORDER BY e.last_mark_date DESC NULLS LAST, e.school_urn;
