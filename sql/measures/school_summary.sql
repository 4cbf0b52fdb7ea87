-- school_summary(date_from, date_to, school, [filters]): whole-school (or whole-trust, school NULL) absence over
-- the range. Rates are built once from summed parts, never averaged:
-- overall_absence_rate = sum(absent) / sum(possible); persistent/severe_pupils count pupil enrolments
-- flagged by pupil_absence. Grain: one row. Units: pupils and sessions.
CREATE OR REPLACE MACRO school_summary(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT
	count(*)::INTEGER AS pupils,
	coalesce(sum(possible_sessions), 0)::BIGINT AS possible_sessions,
	coalesce(sum(present_sessions), 0)::BIGINT AS present_sessions,
	coalesce(sum(aea_sessions), 0)::BIGINT AS aea_sessions,
	coalesce(sum(authorised_sessions), 0)::BIGINT AS authorised_sessions,
	coalesce(sum(unauthorised_sessions), 0)::BIGINT AS unauthorised_sessions,
	coalesce(sum(absent_sessions), 0)::BIGINT AS absent_sessions,
	sum(absent_sessions)::DOUBLE / nullif(sum(possible_sessions), 0) AS overall_absence_rate,
	sum(authorised_sessions)::DOUBLE / nullif(sum(possible_sessions), 0) AS authorised_absence_rate,
	sum(unauthorised_sessions)::DOUBLE / nullif(sum(possible_sessions), 0) AS unauthorised_absence_rate,
	count(*) FILTER (WHERE persistent)::INTEGER AS persistent_pupils,
	count(*) FILTER (WHERE severe)::INTEGER AS severe_pupils,
	coalesce(sum(late_sessions), 0)::BIGINT AS late_sessions,
	coalesce(sum(late_after_close_sessions), 0)::BIGINT AS late_after_close_sessions
FROM pupil_absence(date_from, date_to, school, year_group := year_group, cohort_dimension := cohort_dimension, cohort_value := cohort_value);
