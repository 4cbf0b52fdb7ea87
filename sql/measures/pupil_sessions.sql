-- pupil_sessions(date_from, date_to, school): session counts per pupil enrolment (school × pupil) over
-- the inclusive date range [date_from, date_to]; school NULL means every school.
-- Grain: one row per school × pupil with at least one possible session in the range (pupils with no
-- possible session are not counted, as in the DfE's absence statistics). Units: sessions.
-- possible: every code that counts in possible sessions (all but the not_possible codes D X Q Y Y1-Y7 Z #);
-- present: / \ L; aea: approved educational activity (K V P W B, pre-2024 J);
-- authorised / unauthorised: the absence categories of the national code table;
-- late: L (late before registers closed, present); late_after_close: U (unauthorised absence).
CREATE OR REPLACE MACRO pupil_sessions(date_from, date_to, school) AS TABLE
SELECT
	m.school_urn,
	m.pupil_id,
	count(*) FILTER (WHERE c.counts_in_possible)::INTEGER AS possible_sessions,
	count(*) FILTER (WHERE c.category = 'present')::INTEGER AS present_sessions,
	count(*) FILTER (WHERE c.category = 'aea')::INTEGER AS aea_sessions,
	count(*) FILTER (WHERE c.category = 'authorised')::INTEGER AS authorised_sessions,
	count(*) FILTER (WHERE c.category = 'unauthorised')::INTEGER AS unauthorised_sessions,
	count(*) FILTER (WHERE m.code = 'L')::INTEGER AS late_sessions,
	count(*) FILTER (WHERE m.code = 'U')::INTEGER AS late_after_close_sessions
FROM marks m
JOIN codes c ON c.code = m.code
WHERE m.date BETWEEN date_from AND date_to
	AND (school IS NULL OR m.school_urn = school)
GROUP BY m.school_urn, m.pupil_id
HAVING count(*) FILTER (WHERE c.counts_in_possible) > 0;
