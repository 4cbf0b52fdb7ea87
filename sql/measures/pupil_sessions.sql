-- pupil_sessions(date_from, date_to, school, [year_group, cohort_dimension, cohort_value]): session counts
-- per pupil enrolment (school × pupil) over the inclusive date range, for the marks filtered_marks selects.
-- Grain: one row per school × pupil with at least one possible session in the range (pupils with no
-- possible session are not counted, as in the DfE's absence statistics). Units: sessions.
-- possible: every code that counts in possible sessions (all but the not_possible codes D X Q Y Y1-Y7 Z #);
-- present: / \ L; aea: approved educational activity (K V P W B, pre-2024 J);
-- authorised / unauthorised: the absence categories of the national code table;
-- late: L (late before registers closed, present); late_after_close: U (unauthorised absence).
CREATE OR REPLACE MACRO pupil_sessions(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT
	m.school_urn,
	m.pupil_id,
	count(*) FILTER (WHERE m.counts_in_possible)::INTEGER AS possible_sessions,
	count(*) FILTER (WHERE m.category = 'present')::INTEGER AS present_sessions,
	count(*) FILTER (WHERE m.category = 'aea')::INTEGER AS aea_sessions,
	count(*) FILTER (WHERE m.category = 'authorised')::INTEGER AS authorised_sessions,
	count(*) FILTER (WHERE m.category = 'unauthorised')::INTEGER AS unauthorised_sessions,
	count(*) FILTER (WHERE m.code = 'L')::INTEGER AS late_sessions,
	count(*) FILTER (WHERE m.code = 'U')::INTEGER AS late_after_close_sessions
FROM filtered_marks(date_from, date_to, school, year_group := year_group, cohort_dimension := cohort_dimension, cohort_value := cohort_value) m
GROUP BY m.school_urn, m.pupil_id
HAVING count(*) FILTER (WHERE m.counts_in_possible) > 0;
