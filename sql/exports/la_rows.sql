-- exports/la_rows: the local authority benchmark return, one row per school × breakdown × value for one
-- period, with the DfE's published absence table column names (school-level files of "Pupil absence in
-- schools in England"). Before suppression: src/lib/server/exports/la.ts withholds small numbers ('c').
-- Grain: school × breakdown × breakdown_value, for groups holding at least one enrolment. Breakdowns:
-- 'Total' / 'All pupils', then 'Year group', 'Sex', 'FSM eligibility', 'SEN provision', 'EAL',
-- 'Ethnicity major group', 'CLA', each with the groups of pupil_cohorts as of the year's first day and
-- 'Not recorded' for pupils with no value, so that every breakdown's groups add up to the Total row.
-- Units: enrolments are pupil enrolments (school × pupil) with at least one possible session in the
-- period (pupil_sessions' rule); sess_* are sessions; *_percent are percentages (6.5 = 6.5%), to one
-- decimal place. reasons: a list of {field, sessions, pupils} per dfe_statistical_field of the code
-- table (the codes' own column of the DfE tables), pupils being those with a session of it.
-- Period: the DfE's termly releases are cumulative from 1 September: $term 'autumn' → 'Autumn term'
-- (to the end of the school's autumn term), 'spring' → 'Autumn and spring term' (to the end of its
-- spring term), 'summer' or NULL → 'Full academic year' (1 September to 31 August). A term's end comes
-- from half_terms() (imported term dates, else inferred from the register), or 31 December / 31 March
-- where the calendar has no such term.
-- Rules: absent (sess_overall) = authorised + unauthorised (code_flags); persistent (pa_10) and severe (pa_50):
-- is_persistent and is_severe (sql/rules/absence_thresholds.sql), per enrolment over the period (pupil_absence's).
-- National statistics cohort ($national_cohort true): pupils aged 5 to 15 at the start of the academic
-- year, i.e. on the 31 August before it, from the date of birth; where none was imported, from the year
-- group (Years 1 to 11 are the pupils aged 5 to 15 on that 31 August). Pupils with neither are left out.
-- Parameters: $year_start (DATE, 1 September), $term, $school (URN or NULL for every school), $national_cohort.
WITH calendar AS (
	SELECT school_urn, term, end_date FROM half_terms($year_start::DATE, $year_start::DATE, $school::INTEGER)
),
periods AS (
	SELECT s.urn AS school_urn,
		CASE coalesce(lower($term::VARCHAR), 'summer')
			WHEN 'autumn' THEN coalesce(
				(SELECT max(h.end_date) FROM calendar h WHERE h.school_urn = s.urn AND h.term = 'Autumn'),
				make_date(year($year_start::DATE), 12, 31))
			WHEN 'spring' THEN coalesce(
				(SELECT max(h.end_date) FROM calendar h WHERE h.school_urn = s.urn AND h.term = 'Spring'),
				make_date(year($year_start::DATE) + 1, 3, 31))
			ELSE ($year_start::DATE + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE
		END AS period_end
	FROM schools s
	WHERE $school::INTEGER IS NULL OR s.urn = $school::INTEGER
),
cohorts AS (
	SELECT * FROM pupil_cohorts($year_start::DATE)
),
in_cohort AS (
	SELECT p.pupil_id
	FROM pupils p
	LEFT JOIN cohorts yg ON yg.pupil_id = p.pupil_id AND yg.dimension = 'year_group'
	WHERE CASE
		WHEN p.date_of_birth IS NOT NULL THEN
			year($year_start::DATE) - year(p.date_of_birth) - CASE WHEN month(p.date_of_birth) >= 9 THEN 1 ELSE 0 END BETWEEN 5 AND 15
		ELSE coalesce(yg.sort_key BETWEEN 1 AND 11, false)
	END
),
-- one pass over the period's marks: sessions per enrolment and code, with what the code counts as (code_flags)
pupil_codes AS (
	SELECT m.school_urn, m.pupil_id, m.code, any_value(m.possible) AS possible, any_value(m.authorised) AS authorised,
		any_value(m.unauthorised) AS unauthorised, any_value(m.absent) AS absent, count(*)::INTEGER AS sessions
	FROM filtered_marks($year_start::DATE, ($year_start::DATE + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE, $school::INTEGER) m
	JOIN periods p ON p.school_urn = m.school_urn AND m.date <= p.period_end
	WHERE NOT coalesce($national_cohort::BOOLEAN, false) OR m.pupil_id IN (SELECT pupil_id FROM in_cohort)
	GROUP BY m.school_urn, m.pupil_id, m.code
),
enrolment AS (
	SELECT school_urn, pupil_id,
		coalesce(sum(c.sessions) FILTER (WHERE c.possible), 0)::INTEGER AS possible,
		coalesce(sum(c.sessions) FILTER (WHERE c.authorised), 0)::INTEGER AS authorised,
		coalesce(sum(c.sessions) FILTER (WHERE c.unauthorised), 0)::INTEGER AS unauthorised
	FROM pupil_codes c
	GROUP BY c.school_urn, c.pupil_id
	HAVING coalesce(sum(c.sessions) FILTER (WHERE c.possible), 0) > 0
),
dimensions AS (
	SELECT * FROM (VALUES
		('year_group', 'Year group', 1), ('sex', 'Sex', 2), ('fsm', 'FSM eligibility', 3), ('sen', 'SEN provision', 4),
		('eal', 'EAL', 5), ('ethnicity', 'Ethnicity major group', 6), ('cla', 'CLA', 7)
	) d(dimension, breakdown, breakdown_order)
),
groups AS (
	SELECT school_urn, pupil_id, 'Total' AS breakdown, 'All pupils' AS breakdown_value, 0 AS breakdown_order, 0 AS value_order
	FROM enrolment
	UNION ALL
	SELECT e.school_urn, e.pupil_id, d.breakdown, coalesce(c.value, 'Not recorded'), d.breakdown_order, coalesce(c.sort_key, 99)
	FROM enrolment e
	CROSS JOIN dimensions d
	LEFT JOIN cohorts c ON c.pupil_id = e.pupil_id AND c.dimension = d.dimension
),
figures AS (
	SELECT g.school_urn, g.breakdown, g.breakdown_value, g.breakdown_order, min(g.value_order) AS value_order,
		count(*)::INTEGER AS enrolments,
		sum(e.possible)::BIGINT AS sess_possible,
		sum(e.authorised + e.unauthorised)::BIGINT AS sess_overall,
		sum(e.authorised)::BIGINT AS sess_authorised,
		sum(e.unauthorised)::BIGINT AS sess_unauthorised,
		count(*) FILTER (WHERE is_persistent(e.authorised + e.unauthorised, e.possible))::INTEGER AS enrolments_pa_10_exact,
		count(*) FILTER (WHERE is_severe(e.authorised + e.unauthorised, e.possible))::INTEGER AS enrolments_pa_50_exact
	FROM groups g
	JOIN enrolment e USING (school_urn, pupil_id)
	GROUP BY g.school_urn, g.breakdown, g.breakdown_value, g.breakdown_order
),
reason_sessions AS (
	SELECT g.school_urn, g.breakdown, g.breakdown_value, c.dfe_statistical_field AS field,
		sum(pc.sessions)::INTEGER AS sessions, count(DISTINCT pc.pupil_id)::INTEGER AS pupils
	FROM groups g
	JOIN pupil_codes pc ON pc.school_urn = g.school_urn AND pc.pupil_id = g.pupil_id
	JOIN codes c ON c.code = pc.code
	WHERE pc.absent
	GROUP BY g.school_urn, g.breakdown, g.breakdown_value, c.dfe_statistical_field
),
reasons AS (
	SELECT school_urn, breakdown, breakdown_value,
		list({'field': field, 'sessions': sessions, 'pupils': pupils} ORDER BY field) AS reasons
	FROM reason_sessions
	GROUP BY school_urn, breakdown, breakdown_value
)
SELECT
	(year($year_start::DATE) * 100 + (year($year_start::DATE) + 1) % 100)::INTEGER AS time_period,
	CASE coalesce(lower($term::VARCHAR), 'summer')
		WHEN 'autumn' THEN 'Autumn term' WHEN 'spring' THEN 'Autumn and spring term' ELSE 'Full academic year'
	END AS time_identifier,
	'School' AS geographic_level,
	f.school_urn,
	p.period_end,
	f.breakdown,
	f.breakdown_value,
	f.enrolments,
	f.sess_possible,
	f.sess_overall,
	f.sess_authorised,
	f.sess_unauthorised,
	round(100.0 * f.sess_overall / f.sess_possible, 1) AS sess_overall_percent,
	round(100.0 * f.sess_authorised / f.sess_possible, 1) AS sess_authorised_percent,
	round(100.0 * f.sess_unauthorised / f.sess_possible, 1) AS sess_unauthorised_percent,
	f.enrolments_pa_10_exact,
	round(100.0 * f.enrolments_pa_10_exact / f.enrolments, 1) AS enrolments_pa_10_exact_percent,
	f.enrolments_pa_50_exact,
	round(100.0 * f.enrolments_pa_50_exact / f.enrolments, 1) AS enrolments_pa_50_exact_percent,
	coalesce(r.reasons, []) AS reasons
FROM figures f
JOIN periods p USING (school_urn)
LEFT JOIN reasons r USING (school_urn, breakdown, breakdown_value)
ORDER BY f.school_urn, f.breakdown_order, f.value_order, f.breakdown_value;
