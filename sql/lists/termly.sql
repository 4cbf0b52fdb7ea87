-- list termly: the termly checks. 'unauthorised': $unauthorised_days (10) or more school days of unauthorised
-- absence (G N O U sessions / 2) this term, from the term's first day (list_terms; the academic year's start
-- where no term dates are held) to $on: the return many local authorities ask for ("Working together to improve
-- school attendance", DfE 2024). 'ehcp_drop': pupils with an EHC plan (SEN E) whose attendance this half-term
-- (to $on) is $ehcp_drop (0.05 = 5 percentage points) or more below the last half-term's (list_half_terms).
-- Attendance = (present + approved activity) / possible. Params: $on, $school, $unauthorised_days, $ehcp_drop.
-- Only pupils on roll on $on (on_roll: sql/rules/on_roll.sql); a leaver drops off the list after leaving.
WITH terms AS (SELECT * FROM list_terms($school::INTEGER)),
halves AS (SELECT * FROM list_half_terms($school::INTEGER, $on::DATE)),
term_start AS (
	SELECT s.urn AS school_urn,
		greatest(coalesce(min(t.start_date), academic_year_start($on::DATE)), academic_year_start($on::DATE)) AS term_start
	FROM schools s
	LEFT JOIN halves h ON h.school_urn = s.urn
	LEFT JOIN terms t ON t.school_urn = h.school_urn AND t.academic_year = h.current_academic_year AND t.term = h.current_term
	WHERE $school::INTEGER IS NULL OR s.urn = $school::INTEGER
	GROUP BY s.urn
),
unauthorised AS (
	SELECT m.school_urn, m.pupil_id, any_value(ts.term_start) AS term_start, sum(m.unauthorised)::BIGINT AS sessions
	FROM filtered_pupil_days(academic_year_start($on::DATE), $on::DATE, $school::INTEGER) m
	JOIN term_start ts ON ts.school_urn = m.school_urn AND m.date >= ts.term_start
	WHERE m.unauthorised > 0
	GROUP BY m.school_urn, m.pupil_id
	HAVING sum(m.unauthorised) >= 2 * $unauthorised_days::INTEGER
),
ehcp AS (
	SELECT m.school_urn, m.pupil_id,
		coalesce(sum((m.present + m.aea)) FILTER (WHERE m.date >= h.current_start), 0)::BIGINT AS now_attended,
		coalesce(sum(m.possible) FILTER (WHERE m.date >= h.current_start), 0)::BIGINT AS now_possible,
		coalesce(sum((m.present + m.aea)) FILTER (WHERE m.date <= h.previous_end), 0)::BIGINT AS then_attended,
		coalesce(sum(m.possible) FILTER (WHERE m.date <= h.previous_end), 0)::BIGINT AS then_possible
	FROM halves h
	JOIN filtered_pupil_days(DATE '0001-01-01', $on::DATE, $school::INTEGER) m ON m.school_urn = h.school_urn
		AND m.date >= h.previous_start AND (m.date <= h.previous_end OR m.date >= h.current_start)
	JOIN pupils p ON p.pupil_id = m.pupil_id AND p.sen = 'E'
	GROUP BY m.school_urn, m.pupil_id
),
found AS (
	SELECT school_urn, pupil_id, 'unauthorised' AS reason, term_start, sessions / 2 AS unauthorised_days,
		NULL::DOUBLE AS attendance_rate, NULL::DOUBLE AS previous_attendance_rate, NULL::DOUBLE AS attendance_change
	FROM unauthorised
	UNION ALL
	SELECT e.school_urn, e.pupil_id, 'ehcp_drop', ts.term_start, NULL,
		now_attended::DOUBLE / now_possible, then_attended::DOUBLE / then_possible,
		now_attended::DOUBLE / now_possible - then_attended::DOUBLE / then_possible
	FROM ehcp e JOIN term_start ts ON ts.school_urn = e.school_urn
	WHERE now_possible > 0 AND then_possible > 0
		AND (then_attended * now_possible - now_attended * then_possible)::DECIMAL(18, 4)
			>= $ehcp_drop::DECIMAL(6, 4) * then_possible * now_possible
)
SELECT p.upn, f.reason, f.term_start, f.unauthorised_days, f.attendance_rate, f.previous_attendance_rate, f.attendance_change, f.school_urn
FROM found f JOIN pupils p ON p.pupil_id = f.pupil_id
SEMI JOIN on_roll($on::DATE, school := $school::INTEGER) roll ON roll.school_urn = f.school_urn AND roll.pupil_id = f.pupil_id
ORDER BY f.reason DESC, f.unauthorised_days DESC, f.attendance_change, p.upn, f.school_urn;
