-- Pupil profile: who the pupil is, for the header of the pupil page (not a chart dataset: identity is not
-- filtered by the dashboard's filters, so that a pupil can always be found).
-- Grain: one row per school the pupil has been on roll at (the pupil's details repeated), newest roll first;
-- one row with NULL school when the pupil has no enrolment; no row when the UPN is not in the warehouse.
-- year_group: the national curriculum year in the chosen academic year ($year_start), from pupil_cohorts
-- (date of birth, the 1 September cut-off), else the year group the pupils file gave; form and flags are
-- the latest imported. start_date / end_date: enrolment_spans (admission and leaving dates where an
-- export gave them, else the first and last marked dates). left_on: the day the pupil left that school, NULL
-- while on roll (on_roll: sql/rules/on_roll.sql, as of the latest marked day in the warehouse: the leaving date
-- once it has passed, else the last mark once the school has marked later days without the pupil).
-- Parameters: $upn (a checked UPN), $year_start (first day of the chosen academic year).
SELECT
	p.upn,
	p.forename,
	p.surname,
	p.date_of_birth,
	p.sex,
	coalesce(yg.value, p.year_group) AS year_group,
	p.form,
	p.fsm,
	p.pupil_premium,
	p.sen::VARCHAR AS sen,
	p.eal,
	p.cla,
	p.child_in_need,
	p.child_protection_plan,
	p.young_carer,
	e.school_urn,
	coalesce(s.name, 'School ' || e.school_urn) AS school_name,
	e.start_date,
	e.end_date,
	l.left_on
FROM pupils p
LEFT JOIN pupil_cohorts($year_start::DATE) yg ON yg.pupil_id = p.pupil_id AND yg.dimension = 'year_group'
LEFT JOIN enrolment_spans e ON e.pupil_id = p.pupil_id AND in_scope(e.school_urn, $schools::VARCHAR)
LEFT JOIN schools s ON s.urn = e.school_urn
LEFT JOIN pupils_left((SELECT max(date) FROM school_day_totals)) l ON l.school_urn = e.school_urn AND l.pupil_id = e.pupil_id
WHERE p.upn = $upn::VARCHAR
ORDER BY e.end_date DESC NULLS LAST, e.school_urn;
