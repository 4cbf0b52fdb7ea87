-- Impact of interventions, step 1: the temp tables the other impact/*.sql files read, on one connection.
-- $from / $to select the episodes (each pupil's first intervention of a type starting in the range);
-- the absence history and the weeks after a start are read from every mark, inside the range or not.
-- $school: a URN or NULL; $year_group / $cohort_dimension / $cohort_value narrow the pupils whose
-- interventions are counted (the comparison pupils come from the whole school).
-- School days: the school's days with at least one possible session (list_school_days), numbered 1, 2, …

-- impact_school_days: school × date → day_no.
CREATE OR REPLACE TEMP TABLE impact_school_days AS
SELECT school_urn, date, day_no FROM list_school_days($school::INTEGER, DATE '9999-12-31');

-- impact_episodes: each pupil's first intervention of each type starting in the range, at its school,
-- on the first school day on or after its start date (s_day).
CREATE OR REPLACE TEMP TABLE impact_episodes AS
WITH firsts AS (
	SELECT i.type, i.pupil_id, i.start_date,
		coalesce(i.school_urn, (SELECT min(e.school_urn) FROM enrolments e WHERE e.pupil_id = i.pupil_id)) AS school_urn
	FROM interventions i
	WHERE i.start_date BETWEEN $from::DATE AND $to::DATE
		AND (($year_group::VARCHAR IS NULL AND $cohort_dimension::VARCHAR IS NULL) OR i.pupil_id IN (
			SELECT pupil_id FROM filtered_pupils($from::DATE, year_group := $year_group::VARCHAR,
				cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)))
	QUALIFY row_number() OVER (PARTITION BY i.pupil_id, i.type ORDER BY i.start_date) = 1
)
SELECT f.type, f.school_urn, f.pupil_id, f.start_date,
	(SELECT min(d.day_no) FROM impact_school_days d WHERE d.school_urn = f.school_urn AND d.date >= f.start_date) AS s_day
FROM firsts f
WHERE ($school::INTEGER IS NULL OR f.school_urn = $school::INTEGER);

-- impact_pupil_days: each pupil's possible and absent sessions per school day, with running totals
-- (cum_possible, cum_absent up to and including the day) so a window's sessions are one subtraction.
-- Only the school days the windows can reach: from the earliest start less the longest history
-- (N + 65 + 190 days) to the latest start plus the longest look ahead (N, or 55 for the event study).
-- The running totals are summed as DOUBLE (exact for counts; faster than DuckDB's HUGEINT sums).
CREATE OR REPLACE TEMP TABLE impact_pupil_days AS
WITH reach AS (
	SELECT school_urn, min(s_day) - $window::INTEGER - 65 - 190 AS first_day, max(s_day) + greatest($window::INTEGER, 55) AS last_day
	FROM impact_episodes GROUP BY school_urn
),
days AS (
	SELECT d.* FROM impact_school_days d JOIN reach r ON r.school_urn = d.school_urn AND d.day_no BETWEEN r.first_day AND r.last_day
),
dates AS (SELECT coalesce(min(date), DATE '9999-12-31') AS date_from, coalesce(max(date), DATE '1900-01-01') AS date_to FROM days)
SELECT p.school_urn, p.pupil_id, d.day_no, p.possible, p.absent,
	sum(p.possible::DOUBLE) OVER w AS cum_possible,
	sum(p.absent::DOUBLE) OVER w AS cum_absent
FROM list_pupil_days($school::INTEGER, (SELECT date_from FROM dates), (SELECT date_to FROM dates)) p
JOIN days d ON d.school_urn = p.school_urn AND d.date = p.date
WINDOW w AS (PARTITION BY p.school_urn, p.pupil_id ORDER BY d.day_no ROWS UNBOUNDED PRECEDING);

-- impact_first: each pupil's first intervention of any type (any date, any school), as a school day of
-- each school the pupil has marks at (the first school day on or after it).
CREATE OR REPLACE TEMP TABLE impact_first AS
WITH firsts AS (SELECT pupil_id, min(start_date) AS first_date FROM interventions GROUP BY pupil_id),
spans AS (SELECT DISTINCT school_urn, pupil_id FROM impact_pupil_days)
SELECT s.school_urn, s.pupil_id, f.first_date,
	coalesce((SELECT min(d.day_no) FROM impact_school_days d WHERE d.school_urn = s.school_urn AND d.date >= f.first_date), 2147483647) AS first_day
FROM spans s JOIN firsts f USING (pupil_id);

-- impact_rows: every (school, start day) of an episode × every pupil on the school's roll then (marks
-- before and from the start day), with the cut day after which a not-yet-treated pupil's days are left
-- out (their own first intervention) and whether they had been treated by the start day.
CREATE OR REPLACE TEMP TABLE impact_rows AS
WITH starts AS (SELECT DISTINCT school_urn, s_day FROM impact_episodes WHERE s_day IS NOT NULL),
spans AS (SELECT school_urn, pupil_id, min(day_no) AS first_day, max(day_no) AS last_day FROM impact_pupil_days GROUP BY ALL)
SELECT s.school_urn, s.s_day, p.pupil_id,
	coalesce(f.first_day <= s.s_day, false) AS treated_before,
	CASE WHEN f.first_day > s.s_day THEN f.first_day ELSE 2147483647 END AS cut_day
FROM starts s
JOIN spans p ON p.school_urn = s.school_urn AND p.first_day < s.s_day AND p.last_day >= s.s_day
LEFT JOIN impact_first f ON f.school_urn = s.school_urn AND f.pupil_id = p.pupil_id;
