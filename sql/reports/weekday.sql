-- report weekday: absence by weekday and AM/PM.
SELECT weekday, session, possible_sessions, absent_sessions, absence_rate
FROM weekday_sessions($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR, cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
ORDER BY weekday_number, session;
