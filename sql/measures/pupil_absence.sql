-- pupil_absence(date_from, date_to, school, [filters]): each pupil's absence over the range, from pupil_sessions.
-- absent_sessions = authorised + unauthorised; absence_rate = absent / possible (a fraction, DOUBLE).
-- persistent / severe: is_persistent / is_severe (sql/rules/absence_thresholds.sql: 10% / 50% or more of possible
-- sessions missed, integers compared), the DfE's definitions in "Pupil absence in schools in England".
CREATE OR REPLACE MACRO pupil_absence(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT
	s.*,
	s.authorised_sessions + s.unauthorised_sessions AS absent_sessions,
	(s.authorised_sessions + s.unauthorised_sessions)::DOUBLE / s.possible_sessions AS absence_rate,
	is_persistent(s.authorised_sessions + s.unauthorised_sessions, s.possible_sessions) AS persistent,
	is_severe(s.authorised_sessions + s.unauthorised_sessions, s.possible_sessions) AS severe
FROM pupil_sessions(date_from, date_to, school, year_group := year_group, cohort_dimension := cohort_dimension, cohort_value := cohort_value) s;
