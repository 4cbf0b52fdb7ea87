-- pupil_absence(date_from, date_to, school, [filters]): each pupil's absence over the range, from pupil_sessions.
-- absent_sessions = authorised + unauthorised; absence_rate = absent / possible (a fraction, DOUBLE).
-- Persistent absence: absent * 10 >= possible (10% or more of possible sessions missed);
-- severe absence: absent * 2 >= possible (50% or more). Integers are compared, never rounded rates.
-- The thresholds follow the DfE's definitions in "Pupil absence in schools in England".
CREATE OR REPLACE MACRO pupil_absence(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT
	s.*,
	s.authorised_sessions + s.unauthorised_sessions AS absent_sessions,
	(s.authorised_sessions + s.unauthorised_sessions)::DOUBLE / s.possible_sessions AS absence_rate,
	(s.authorised_sessions + s.unauthorised_sessions) * 10 >= s.possible_sessions AS persistent,
	(s.authorised_sessions + s.unauthorised_sessions) * 2 >= s.possible_sessions AS severe
FROM pupil_sessions(date_from, date_to, school, year_group := year_group, cohort_dimension := cohort_dimension, cohort_value := cohort_value) s;
