-- on_roll(on_date, school): the pupils on a school's roll on on_date, one row per school x pupil
-- (school_urn, pupil_id, start_date, leaving_date, left_on). The one rule the casework lists, their counts and
-- the intervention log use to leave out pupils who have left (sql/lists/*.sql, datasets/interventions/log.sql).
-- A pupil is on roll at a school on D when their enrolment there has begun (admission date from a pupils file,
-- else the first marked date, on or before D) and has not ended:
--   * a leaving date from a pupils file is the last day on roll (on roll on D when D <= leaving date);
--   * without one, the pupil is on roll while the school's marks continue to include them: their last mark is
--     on or after the school's latest marked day up to D. A pupil on roll is marked every session (absence has
--     its own codes), so a pupil the school has stopped marking while it marks others has left; a pupil whose
--     last mark is the school's latest day is still on roll (today's marks are not in yet for anyone).
-- The year's measures (summary, overview, cohorts, the LA return) do not use this rule: they count marks, so
-- a leaver's sessions count for the time they were on roll, as the DfE counts them.
-- left_on: the day the enrolment ended as of on_date (the leaving date, else the last mark when the school has
-- marked later days without the pupil), NULL while on roll; pupils_left(on_date, school) returns those rows.
-- Tables are named by parameter (query_table): the rules are made before the migrations make the tables.
CREATE OR REPLACE MACRO enrolment_status(on_date, school := NULL, enrolment_table := 'enrolments',
		day_table := 'school_day_totals') AS TABLE
WITH last_day AS (
	SELECT school_urn, max(date) AS last_day
	FROM query_table(day_table)
	WHERE date <= on_date AND (school IS NULL OR school_urn = school)
	GROUP BY school_urn
)
SELECT e.school_urn, e.pupil_id,
	coalesce(e.admission_date, e.first_mark_date) AS start_date,
	e.leaving_date,
	CASE WHEN e.leaving_date IS NOT NULL THEN CASE WHEN e.leaving_date < on_date THEN e.leaving_date END
		WHEN e.last_mark_date < l.last_day THEN e.last_mark_date END AS left_on
FROM query_table(enrolment_table) e
LEFT JOIN last_day l ON l.school_urn = e.school_urn
WHERE (school IS NULL OR e.school_urn = school)
	AND coalesce(e.admission_date, e.first_mark_date) <= on_date;

CREATE OR REPLACE MACRO on_roll(on_date, school := NULL, enrolment_table := 'enrolments',
		day_table := 'school_day_totals') AS TABLE
SELECT school_urn, pupil_id, start_date, leaving_date
FROM enrolment_status(on_date, school := school, enrolment_table := enrolment_table, day_table := day_table)
WHERE left_on IS NULL;

CREATE OR REPLACE MACRO pupils_left(on_date, school := NULL, enrolment_table := 'enrolments',
		day_table := 'school_day_totals') AS TABLE
SELECT school_urn, pupil_id, start_date, leaving_date, left_on
FROM enrolment_status(on_date, school := school, enrolment_table := enrolment_table, day_table := day_table)
WHERE left_on IS NOT NULL;
