-- Pupil rolling attendance: at each of the pupil's school days in the chosen range, attendance over the
-- last 20 school days (the day itself and the 19 before it within the range; fewer at its start, as
-- rolling_days says) and cumulatively since the start of the range (year to date).
-- A school day is a date with at least one possible session for the pupil (codes that count in possible
-- sessions). Grain: one row per such date. Units: sessions; rates are fractions.
-- Each rate is built from summed parts of its window, never averaged:
-- attendance = 1 - sum(authorised + unauthorised) / sum(possible).
-- Parameters: $upn and the dashboard filters, applied by filtered_marks.
WITH days AS (
	SELECT
		m.date,
		count(*) FILTER (WHERE m.possible)::INTEGER AS possible_sessions,
		count(*) FILTER (WHERE m.absent)::INTEGER AS absent_sessions
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) m
	WHERE m.pupil_id = (SELECT pupil_id FROM pupils WHERE upn = $upn::VARCHAR)
		AND in_scope(m.school_urn, $schools::VARCHAR)
	GROUP BY m.date
	HAVING count(*) FILTER (WHERE m.possible) > 0
),
windows AS (
	SELECT
		date,
		possible_sessions,
		absent_sessions,
		count(*) OVER last20 AS rolling_days,
		sum(possible_sessions) OVER last20 AS rolling_possible,
		sum(absent_sessions) OVER last20 AS rolling_absent,
		sum(possible_sessions) OVER to_date AS ytd_possible,
		sum(absent_sessions) OVER to_date AS ytd_absent
	FROM days
	WINDOW last20 AS (ORDER BY date ROWS BETWEEN 19 PRECEDING AND CURRENT ROW),
		to_date AS (ORDER BY date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT
	date,
	possible_sessions,
	absent_sessions,
	rolling_days::INTEGER AS rolling_days,
	rolling_possible::INTEGER AS rolling_possible,
	rolling_absent::INTEGER AS rolling_absent,
	1 - rolling_absent::DOUBLE / rolling_possible AS rolling_attendance,
	ytd_possible::INTEGER AS ytd_possible,
	ytd_absent::INTEGER AS ytd_absent,
	1 - ytd_absent::DOUBLE / ytd_possible AS ytd_attendance
FROM windows
ORDER BY date;
