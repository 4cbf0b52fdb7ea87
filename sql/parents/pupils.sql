-- Parents, pupils: each pupil's figures for one school's half-term, for letters and reports to parents.
-- Grain: pupil enrolment (school × pupil) with at least one possible session in $from..$to (inclusive: the
-- half-term, cut at the last marked day). Counts come from pupil_sessions (the one session measure).
-- Units: sessions (a morning or an afternoon); days_lost = absent sessions / 2; attendance_rate is a fraction
-- (0.941 = 94.1%) of possible sessions attended (present or approved educational activity).
-- late_sessions: L (late before the register closed, counted present); late_after_close_sessions: U (late
-- after the register closed, an unauthorised absence). year_group: as of $from (pupil_cohorts).
-- Parameters: $school (one URN), $from, $to; $year_group ('Year 7', NULL for all); $upns (UPNs separated by
-- commas, NULL for all). Sorted by year group, surname, forename, UPN.
SELECT
	p.upn,
	p.forename,
	p.surname,
	yg.value AS year_group,
	p.form,
	s.school_urn,
	coalesce(sc.name, 'School ' || s.school_urn) AS school_name,
	s.possible_sessions,
	(s.present_sessions + s.aea_sessions)::INTEGER AS attended_sessions,
	s.authorised_sessions,
	s.unauthorised_sessions,
	(s.authorised_sessions + s.unauthorised_sessions)::INTEGER AS absent_sessions,
	(s.authorised_sessions + s.unauthorised_sessions) / 2.0 AS days_lost,
	1 - (s.authorised_sessions + s.unauthorised_sessions)::DOUBLE / s.possible_sessions AS attendance_rate,
	s.late_sessions,
	s.late_after_close_sessions
FROM pupil_sessions($from::DATE, $to::DATE, $school::INTEGER) s
JOIN pupils p ON p.pupil_id = s.pupil_id
LEFT JOIN schools sc ON sc.urn = s.school_urn
LEFT JOIN pupil_cohorts($from::DATE) yg ON yg.pupil_id = s.pupil_id AND yg.dimension = 'year_group'
WHERE ($year_group::VARCHAR IS NULL OR yg.value = $year_group::VARCHAR)
	AND ($upns::VARCHAR IS NULL OR list_contains(string_split($upns::VARCHAR, ','), p.upn))
ORDER BY yg.sort_key NULLS LAST, p.surname NULLS LAST, p.forename NULLS LAST, p.upn;
