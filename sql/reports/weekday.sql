-- report weekday: absence by weekday and AM/PM.
SELECT weekday, session, possible_sessions, absent_sessions, absence_rate
FROM weekday_sessions($from::DATE, $to::DATE, $school::INTEGER)
ORDER BY weekday_number, session;
