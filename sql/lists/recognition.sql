-- list recognition: pupils eligible for recognition under school attendance policies: attendance this
-- academic year (1 September to $on) at or above $rate (0.95), and the $top (10) most improved per school:
-- attendance this half-term (to $on) minus the last half-term's (list_half_terms), improvement above zero,
-- ties sharing a rank. Attendance = (present + approved activity) / possible, compared exactly.
-- Most improved first, then highest attendance. Params: $on, $school, $rate, $top.
-- Only pupils on roll on $on (on_roll: sql/rules/on_roll.sql); a leaver drops off the list after leaving.
WITH halves AS (SELECT * FROM list_half_terms($school::INTEGER, $on::DATE)),
counts AS (
	SELECT m.school_urn, m.pupil_id,
		coalesce(sum((m.present + m.aea)) FILTER (WHERE m.date >= academic_year_start($on::DATE)), 0)::BIGINT AS year_attended,
		coalesce(sum(m.possible) FILTER (WHERE m.date >= academic_year_start($on::DATE)), 0)::BIGINT AS year_possible,
		coalesce(sum((m.present + m.aea)) FILTER (WHERE m.date >= h.current_start), 0)::BIGINT AS now_attended,
		coalesce(sum(m.possible) FILTER (WHERE m.date >= h.current_start), 0)::BIGINT AS now_possible,
		coalesce(sum((m.present + m.aea)) FILTER (WHERE m.date BETWEEN h.previous_start AND h.previous_end), 0)::BIGINT AS then_attended,
		coalesce(sum(m.possible) FILTER (WHERE m.date BETWEEN h.previous_start AND h.previous_end), 0)::BIGINT AS then_possible
	FROM filtered_pupil_days(least(academic_year_start($on::DATE),
			coalesce((SELECT min(previous_start) FROM halves), academic_year_start($on::DATE))), $on::DATE, $school::INTEGER) m
	LEFT JOIN halves h ON h.school_urn = m.school_urn
	GROUP BY m.school_urn, m.pupil_id
),
rated AS (
	SELECT *,
		year_attended::DOUBLE / nullif(year_possible, 0) AS attendance_rate,
		now_attended::DOUBLE / nullif(now_possible, 0) AS half_term_rate,
		then_attended::DOUBLE / nullif(then_possible, 0) AS previous_half_term_rate,
		CASE WHEN now_possible > 0 AND then_possible > 0 AND now_attended * then_possible > then_attended * now_possible
			THEN rank() OVER (PARTITION BY school_urn, (now_possible > 0 AND then_possible > 0 AND now_attended * then_possible > then_attended * now_possible)
				ORDER BY now_attended::DOUBLE / nullif(now_possible, 0) - then_attended::DOUBLE / nullif(then_possible, 0) DESC) END AS improved_rank
	FROM counts
	WHERE year_possible > 0
)
SELECT
	p.upn,
	r.attendance_rate,
	r.half_term_rate,
	r.previous_half_term_rate,
	r.half_term_rate - r.previous_half_term_rate AS improvement,
	CASE WHEN r.improved_rank <= $top::INTEGER THEN r.improved_rank::INTEGER END AS improved_rank,
	concat_ws(', ',
		CASE WHEN r.year_attended >= $rate::DECIMAL(6, 4) * r.year_possible THEN 'attendance' END,
		CASE WHEN r.improved_rank <= $top::INTEGER THEN 'most improved' END) AS recognition,
	r.school_urn
FROM rated r
JOIN pupils p ON p.pupil_id = r.pupil_id
SEMI JOIN on_roll($on::DATE, school := $school::INTEGER) roll ON roll.school_urn = r.school_urn AND roll.pupil_id = r.pupil_id
WHERE r.year_attended >= $rate::DECIMAL(6, 4) * r.year_possible OR r.improved_rank <= $top::INTEGER
ORDER BY improved_rank NULLS LAST, r.attendance_rate DESC, p.upn, r.school_urn;
