-- codes/unresolved_n: the list to work: every pupil-session still coded N (reason for absence not yet
-- provided) more than $older_than school days before the end of the range. Pupil-level (UPN, name).
-- Grain: pupil-session. Units: school days.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value)
-- and $older_than (school days, default 5: N should be resolved within 5 school days).
-- Rule: a school day is a date on which the school has at least one possible session (any pupil: the
-- school's calendar, whatever the pupil filters; school_days). Each school's reference day is its latest school day in
-- the range (the end of the range, or the latest marked day before it); school_days_outstanding = the
-- school's school days after the mark's date up to and including that day. Listed when
-- school_days_outstanding > $older_than; oldest first. year_group is as of $from; form is pupils.form.
WITH numbered AS (
	SELECT school_urn, date,
		row_number() OVER (PARTITION BY school_urn ORDER BY date) AS day_number,
		count(*) OVER (PARTITION BY school_urn) AS days_in_range
	FROM school_days($from::DATE, $to::DATE, $school::INTEGER)
),
n_marks AS (
	SELECT school_urn, pupil_id, date, session
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
	WHERE code = 'N'
)
SELECT
	n.school_urn::INTEGER AS school_urn,
	s.name AS school,
	p.upn,
	trim(coalesce(p.forename, '') || ' ' || coalesce(p.surname, '')) AS name,
	g.value AS year_group,
	p.form,
	n.date,
	n.session::VARCHAR AS session,
	(d.days_in_range - d.day_number)::INTEGER AS school_days_outstanding
FROM n_marks n
JOIN numbered d ON d.school_urn = n.school_urn AND d.date = n.date
JOIN pupils p ON p.pupil_id = n.pupil_id
LEFT JOIN schools s ON s.urn = n.school_urn
LEFT JOIN (SELECT pupil_id, value FROM pupil_cohorts($from::DATE) WHERE dimension = 'year_group') g
	ON g.pupil_id = n.pupil_id
WHERE d.days_in_range - d.day_number > coalesce($older_than::INTEGER, 5)
ORDER BY n.date, n.session, p.surname, p.forename, p.upn;
