-- Cohorts, by_dimension: absence rate, persistent and severe absence for every group of every cohort
-- dimension of pupil_cohorts($from) (year group, sex, FSM, pupil premium, SEN, EAL, ethnicity, CLA), each
-- with the gap to the rest of the pupils in scope and, where national_benchmarks has the figure, to national.
-- Grain: dimension × value (one row per group holding at least one pupil with a possible session).
-- Units: pupils are pupil enrolments with a possible session (as pupil_absence and the CLI summary count
-- them); sessions; absence_rate, *_percent and national_* are fractions (0.31 = 31%); *_points are
-- percentage points (group minus rest, group minus national).
-- Rules: every rate is built once from summed parts (absent / possible, flagged pupils / pupils: absence_totals),
-- never an average of rates. The rest of school is everyone in scope who is not in the group (pupils whose value of
-- the dimension is unknown included): the scope's totals minus the group's. Persistent and severe: pupil_absence's
-- (is_persistent, is_severe: sql/rules/absence_thresholds.sql). National: England, state-funded primary,
-- secondary and special, the 'FSM eligibility' and 'SEN provision' breakdowns (their values are the labels
-- of pupil_cohorts), for the academic year of $from; a 'Full academic year' figure is preferred, else the
-- latest time_identifier of that year; national_period and national_source say which. No national figure
-- when a year group or cohort filter narrows the scope (the national groups are of all pupils). Periods end
-- with the last day they cover ('2024/25, Autumn term, to 31 Dec 2024'); imported figures (a newer release)
-- stand over shipped ones (benchmark_rows). la_*: the same from imported figures for the local
-- authority of the school(s) in scope (schools.la_code = the figures' area_code), where there are any.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value);
-- $dimension: one dimension only, or NULL for all.
WITH absence AS (
	SELECT pupil_id, possible_sessions, absent_sessions, persistent, severe
	FROM pupil_absence($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
),
scope AS (SELECT * FROM absence_totals('absence')),
-- each pupil in each group of the dimensions (a value's sort_key is the same for all its pupils)
in_groups AS (
	SELECT c.dimension, c.value, c.sort_key, a.*
	FROM absence a
	JOIN pupil_cohorts($from::DATE) c ON c.pupil_id = a.pupil_id
	WHERE $dimension::VARCHAR IS NULL OR c.dimension = $dimension::VARCHAR
),
grouped AS (SELECT * FROM absence_totals('in_groups')),
-- the published figures for the FSM and SEN groups (benchmark_figures: sql/rules/benchmarks.sql), England's and
-- those of the local authority of the school(s) in scope (la_of), for the academic year of $from
figures AS (
	SELECT n.place, CASE n.breakdown WHEN 'FSM eligibility' THEN 'fsm' ELSE 'sen' END AS dimension,
		n.breakdown_value AS value, n.measure, n.value AS figure, n.area,
		n.period || ', ' || n.time_identifier || ', to ' || strftime(n.period_end, '%-d %b %Y') AS period, n.source
	FROM (SELECT la_of(la_code) AS la_code FROM schools WHERE $school::INTEGER IS NULL OR urn = $school::INTEGER) s,
		benchmark_figures(s.la_code, 'State-funded primary secondary and special') n
	WHERE n.breakdown IN ('FSM eligibility', 'SEN provision')
		AND n.measure IN ('overall_absence_rate', 'persistent_absence_percent')
		AND n.period = academic_year_label($from::DATE)
		-- a national group is all of England's pupils in it: no match for a group within a year group or cohort
		AND $year_group::VARCHAR IS NULL AND $cohort_dimension::VARCHAR IS NULL
	QUALIFY row_number() OVER (
		PARTITION BY n.place, n.breakdown, n.breakdown_value, n.measure
		ORDER BY CASE n.time_identifier WHEN 'Full academic year' THEN 1 WHEN 'Summer term' THEN 2
			WHEN 'Autumn and spring term' THEN 3 WHEN 'Spring term' THEN 4 WHEN 'Autumn term' THEN 5 ELSE 6 END,
			n.origin = 'shipped', n.time_identifier) = 1
)
SELECT
	g.dimension,
	g.value,
	g.sort_key,
	g.pupils,
	g.possible_sessions,
	g.absent_sessions,
	g.absent_sessions::DOUBLE / nullif(g.possible_sessions, 0) AS absence_rate,
	g.persistent_pupils,
	g.persistent_pupils::DOUBLE / g.pupils AS persistent_percent,
	g.severe_pupils,
	g.severe_pupils::DOUBLE / g.pupils AS severe_percent,
	s.pupils - g.pupils AS rest_pupils,
	s.possible_sessions - g.possible_sessions AS rest_possible_sessions,
	s.absent_sessions - g.absent_sessions AS rest_absent_sessions,
	(s.absent_sessions - g.absent_sessions)::DOUBLE / nullif(s.possible_sessions - g.possible_sessions, 0) AS rest_absence_rate,
	100 * (g.absent_sessions::DOUBLE / nullif(g.possible_sessions, 0)
		- (s.absent_sessions - g.absent_sessions)::DOUBLE / nullif(s.possible_sessions - g.possible_sessions, 0)) AS gap_to_rest_points,
	s.persistent_pupils - g.persistent_pupils AS rest_persistent_pupils,
	(s.persistent_pupils - g.persistent_pupils)::DOUBLE / nullif(s.pupils - g.pupils, 0) AS rest_persistent_percent,
	100 * (g.persistent_pupils::DOUBLE / g.pupils
		- (s.persistent_pupils - g.persistent_pupils)::DOUBLE / nullif(s.pupils - g.pupils, 0)) AS gap_to_rest_persistent_points,
	na.figure AS national_absence_rate,
	100 * (g.absent_sessions::DOUBLE / nullif(g.possible_sessions, 0) - na.figure) AS gap_to_national_points,
	na.period AS national_period,
	na.source AS national_source,
	np.figure AS national_persistent_percent,
	100 * (g.persistent_pupils::DOUBLE / g.pupils - np.figure) AS gap_to_national_persistent_points,
	np.period AS national_persistent_period,
	la.figure AS la_absence_rate,
	la.period AS la_period,
	la.source AS la_source,
	la.area AS la_area
FROM grouped g
CROSS JOIN scope s
LEFT JOIN figures na ON na.place = 'national' AND na.dimension = g.dimension AND na.value = g.value AND na.measure = 'overall_absence_rate'
LEFT JOIN figures np ON np.place = 'national' AND np.dimension = g.dimension AND np.value = g.value AND np.measure = 'persistent_absence_percent'
LEFT JOIN figures la ON la.place = 'la' AND la.dimension = g.dimension AND la.value = g.value AND la.measure = 'overall_absence_rate'
ORDER BY list_position(['year_group', 'sex', 'fsm', 'pupil_premium', 'sen', 'eal', 'ethnicity', 'cla'], g.dimension),
	g.sort_key, g.value;
