-- pupil_sessions(date_from, date_to, school, [year_group, cohort_dimension, cohort_value]): session counts
-- per pupil enrolment (school × pupil) over the inclusive date range, for the pupil-days filtered_pupil_days
-- selects (the marks filtered_marks selects), read by week where it can (filtered_pupil_spans).
-- Grain: one row per school × pupil with at least one possible session in the range (pupils with no
-- possible session are not counted, as in the DfE's absence statistics). Units: sessions.
-- possible: every code that counts in possible sessions (all but the not_possible codes D X Q Y Y1-Y7 Z #);
-- present: / \ L; aea: approved educational activity (K V P W B, pre-2024 J);
-- authorised / unauthorised: the absence categories of the national code table;
-- late: L (late before registers closed, present); late_after_close: U (unauthorised absence).
CREATE OR REPLACE MACRO pupil_sessions(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT
	d.school_urn,
	d.pupil_id,
	sum(d.possible)::INTEGER AS possible_sessions,
	sum(d.present)::INTEGER AS present_sessions,
	sum(d.aea)::INTEGER AS aea_sessions,
	sum(d.authorised)::INTEGER AS authorised_sessions,
	sum(d.unauthorised)::INTEGER AS unauthorised_sessions,
	sum(d.late)::INTEGER AS late_sessions,
	sum(d.late_after_close)::INTEGER AS late_after_close_sessions
FROM filtered_pupil_spans(date_from, date_to, school, year_group := year_group, cohort_dimension := cohort_dimension, cohort_value := cohort_value) d
GROUP BY d.school_urn, d.pupil_id
HAVING sum(d.possible) > 0;
