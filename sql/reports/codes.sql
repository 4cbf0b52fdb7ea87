-- report codes: sessions per code, in the order of the national code table.
SELECT u.code::VARCHAR AS code, u.sessions
FROM code_usage($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR, cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) u
ORDER BY u.code;
