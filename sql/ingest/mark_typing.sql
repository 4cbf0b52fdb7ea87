-- How a register's trimmed text fields become typed marks, the same for the fast read of a long register
-- (read_long.sql) and the checks that name each problem (validate_marks.sql).
-- Dates: ISO (2024-09-02) or UK (02/09/2024), optionally with a time; sessions AM/PM, A/P, am/pm.
CREATE OR REPLACE TEMP MACRO mark_date(t) AS coalesce(
	-- an ISO date (the usual case) is cast directly: much faster than parsing it with a format
	CASE WHEN length(t) = 10 AND substr(t, 1, 1) BETWEEN '0' AND '9'
		AND substr(t, 5, 1) = '-' AND substr(t, 8, 1) = '-'
		THEN try_cast(t AS DATE) END,
	try_strptime(t, '%Y-%m-%d'),
	try_strptime(t, '%d/%m/%Y'),
	try_strptime(t, '%Y-%m-%d %H:%M:%S')::DATE,
	try_strptime(t, '%Y-%m-%dT%H:%M:%S'),
	try_strptime(t, '%d/%m/%Y %H:%M:%S'),
	try_strptime(t, '%d/%m/%Y %H:%M')
)::DATE;

CREATE OR REPLACE TEMP MACRO mark_session(t) AS CASE t
	WHEN 'AM' THEN 'AM' WHEN 'PM' THEN 'PM'
	ELSE CASE upper(t)
		WHEN 'AM' THEN 'AM' WHEN 'A' THEN 'AM' WHEN 'MORNING' THEN 'AM'
		WHEN 'PM' THEN 'PM' WHEN 'P' THEN 'PM' WHEN 'AFTERNOON' THEN 'PM' END
END::register_session;
