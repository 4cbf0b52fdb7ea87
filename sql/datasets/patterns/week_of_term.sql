-- patterns/week_of_term: absence by week of the half-term (week 1 = the first school week of each
-- half-term), to show whether absence builds up as a half-term goes on.
-- Grain: week of term. Units: sessions, half-terms and school days; absence_rate is a fraction.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value).
-- Rule: school days are the dates on which a school has at least one possible session (for any pupil:
-- the school's calendar, whatever the pupil filters; school_days). A half-term starts at the term_dates half-term that
-- holds the date (the school's own row first, else a row for every school); where term_dates hold none,
-- at the first school day after a gap of 7 or more days without school days (or the range's first
-- school day). Weeks are Monday-dated: week_of_term = weeks from the Monday of the half-term's first
-- day + 1. possible = marks whose code counts in possible sessions; absent = authorised + unauthorised;
-- absence_rate = absent / possible from the week's summed parts; half_terms counts the half-terms (per
-- school) that have such a week, school_days the school-dates in it.
WITH m AS (
	SELECT school_urn, date, possible, authorised + unauthorised AS absent
	FROM filtered_pupil_days($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
),
gap_runs AS (
	SELECT school_urn, date,
		sum(CASE WHEN previous IS NULL OR date - previous > 7 THEN 1 ELSE 0 END)
			OVER (PARTITION BY school_urn ORDER BY date) AS run
	FROM (SELECT *, lag(date) OVER (PARTITION BY school_urn ORDER BY date) AS previous
		FROM school_days($from::DATE, $to::DATE, $school::INTEGER))
),
term_starts AS (
	SELECT r.school_urn, r.date,
		coalesce(
			(SELECT arg_min(t.start_date, t.school_urn IS NULL) FROM term_dates t
				WHERE r.date BETWEEN t.start_date AND t.end_date AND (t.school_urn = r.school_urn OR t.school_urn IS NULL)),
			min(r.date) OVER (PARTITION BY r.school_urn, r.run)) AS term_start
	FROM gap_runs r
),
weeks AS (
	SELECT school_urn, date, term_start,
		((date_trunc('week', date)::DATE - date_trunc('week', term_start)::DATE) // 7 + 1)::INTEGER AS week_of_term
	FROM term_starts
)
SELECT
	w.week_of_term,
	count(DISTINCT (w.school_urn, w.term_start))::INTEGER AS half_terms,
	count(DISTINCT (w.school_urn, w.date))::INTEGER AS school_days,
	sum(m.possible)::INTEGER AS possible_sessions,
	sum(m.absent)::INTEGER AS absent_sessions,
	sum(m.absent)::DOUBLE / sum(m.possible) AS absence_rate
FROM m
JOIN weeks w ON w.school_urn = m.school_urn AND w.date = m.date
GROUP BY w.week_of_term
HAVING sum(m.possible) > 0
ORDER BY w.week_of_term;
