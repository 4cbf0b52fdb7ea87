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
WITH p AS (
	-- each pupil's sessions by weekday first (what the weekday's figures rest on), then the weekdays
	SELECT
		isodow(m.date)::INTEGER AS weekday_number,
		m.pupil_id,
		count(*) FILTER (WHERE m.possible) AS possible,
		count(*) FILTER (WHERE m.late) AS late,
		count(*) FILTER (WHERE m.late_after_close) AS late_after_close,
		sum(m.minutes_late) FILTER (WHERE m.late) AS late_minutes,
		sum(m.minutes_late) FILTER (WHERE m.late_after_close) AS after_close_minutes,
		count(m.minutes_late) FILTER (WHERE m.late) AS late_minutes_recorded,
		count(m.minutes_late) FILTER (WHERE m.late_after_close) AS after_close_minutes_recorded
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR) m
	GROUP BY ALL
)
SELECT
	weekday_number,
	['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][weekday_number] AS weekday,
	sum(possible)::INTEGER AS possible_sessions,
	sum(late)::INTEGER AS late_sessions,
	sum(late_after_close)::INTEGER AS late_after_close_sessions,
	sum(late) * 100.0 / sum(possible) AS late_per_100,
	sum(late_after_close) * 100.0 / sum(possible) AS late_after_close_per_100,
	(sum(late_minutes) / nullif(sum(late_minutes_recorded), 0))::DOUBLE AS avg_minutes_late,
	(sum(after_close_minutes) / nullif(sum(after_close_minutes_recorded), 0))::DOUBLE AS avg_minutes_after_close,
	(sum(late_minutes_recorded) + sum(after_close_minutes_recorded))::INTEGER AS minutes_recorded,
	sum(late_minutes_recorded)::INTEGER AS late_minutes_recorded,
	count(*) FILTER (WHERE possible > 0)::INTEGER AS pupils,
	count(*) FILTER (WHERE late > 0 OR late_after_close > 0)::INTEGER AS late_pupils
FROM p
GROUP BY weekday_number
HAVING sum(possible) > 0
ORDER BY weekday_number;
