-- report codes: sessions per code, in the order of the national code table.
SELECT code::VARCHAR AS code, sessions
FROM code_usage($from::DATE, $to::DATE, $school::INTEGER)
ORDER BY code;
