-- patterns/lateness_weekday: lateness by weekday. L = late before registers closed (counts as present);
-- U = arrived after registers closed (an unauthorised absence).
-- Grain: weekday (Mon..Fri). Units: sessions, rates per 100 possible sessions, minutes.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value).
-- Rule: late_per_100 = L sessions * 100 / possible sessions, late_after_close_per_100 likewise for U, both
-- from the weekday's summed parts. avg_minutes_late / avg_minutes_after_close average minutes_late over
-- the L / U marks that carry it (NULL where no import gave minutes); minutes_recorded counts those marks
-- (late_minutes_recorded the L ones alone, the weight for combining avg_minutes_late across rows).
-- pupils: pupils with a possible session that weekday; late_pupils: those with an L or U (what the late
-- figures rest on, for small-number suppression).
SELECT
	isodow(m.date)::INTEGER AS weekday_number,
	['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][isodow(m.date)] AS weekday,
	count(*) FILTER (WHERE m.possible)::INTEGER AS possible_sessions,
	count(*) FILTER (WHERE m.late)::INTEGER AS late_sessions,
	count(*) FILTER (WHERE m.late_after_close)::INTEGER AS late_after_close_sessions,
	count(*) FILTER (WHERE m.late) * 100.0 / count(*) FILTER (WHERE m.possible) AS late_per_100,
	count(*) FILTER (WHERE m.late_after_close) * 100.0 / count(*) FILTER (WHERE m.possible) AS late_after_close_per_100,
	avg(m.minutes_late) FILTER (WHERE m.late)::DOUBLE AS avg_minutes_late,
	avg(m.minutes_late) FILTER (WHERE m.late_after_close)::DOUBLE AS avg_minutes_after_close,
	count(m.minutes_late) FILTER (WHERE m.late OR m.late_after_close)::INTEGER AS minutes_recorded,
	count(m.minutes_late) FILTER (WHERE m.late)::INTEGER AS late_minutes_recorded,
	count(DISTINCT m.pupil_id) FILTER (WHERE m.possible)::INTEGER AS pupils,
	count(DISTINCT m.pupil_id) FILTER (WHERE m.late OR m.late_after_close)::INTEGER AS late_pupils
FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
	cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) m
GROUP BY isodow(m.date)
HAVING count(*) FILTER (WHERE m.possible) > 0
ORDER BY weekday_number;
