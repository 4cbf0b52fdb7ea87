-- Cohorts, crossed: absence for the groups of two cohort dimensions crossed (FSM × SEN gives FSM eligible
-- + EHC plan, FSM eligible + SEN support, …), each cell with the gap to the rest of the pupils in scope.
-- Grain: rows value × cols value (one row per pair holding at least one pupil with a possible session).
-- Units: pupils are pupil enrolments with a possible session; sessions; absence_rate and *_percent are
-- fractions; *_points are percentage points (cell minus everyone else in scope).
-- Rules: rates from summed parts (absence_totals), never averaged; the rest is the scope's totals minus the cell's (pupils
-- with an unknown value in either dimension are in the rest, in no cell); persistent: absent × 10 ≥
-- possible, severe: absent × 2 ≥ possible. Groups are pupil_cohorts($from).
-- Parameters: the dashboard filters; $rows, $cols: two dimensions of pupil_cohorts, checked against the list
-- of dimensions by the endpoint and only ever compared as values here.
WITH absence AS (
	SELECT pupil_id, possible_sessions, absent_sessions, persistent, severe
	FROM pupil_absence($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
),
scope AS (SELECT * FROM absence_totals('absence')),
cohorts AS (
	SELECT pupil_id, dimension, value, sort_key FROM pupil_cohorts($from::DATE)
	WHERE dimension IN ($rows::VARCHAR, $cols::VARCHAR)
),
-- each pupil in its cell (a value's sort_key is the same for all its pupils)
in_cells AS (
	SELECT r.value AS row_value, r.sort_key AS row_sort_key, c.value AS col_value, c.sort_key AS col_sort_key, a.*
	FROM absence a
	JOIN cohorts r ON r.pupil_id = a.pupil_id AND r.dimension = $rows::VARCHAR
	JOIN cohorts c ON c.pupil_id = a.pupil_id AND c.dimension = $cols::VARCHAR
),
cells AS (SELECT * FROM absence_totals('in_cells'))
SELECT
	$rows::VARCHAR AS row_dimension,
	x.row_value,
	x.row_sort_key,
	$cols::VARCHAR AS col_dimension,
	x.col_value,
	x.col_sort_key,
	x.pupils,
	x.possible_sessions,
	x.absent_sessions,
	x.absent_sessions::DOUBLE / nullif(x.possible_sessions, 0) AS absence_rate,
	x.persistent_pupils,
	x.persistent_pupils::DOUBLE / x.pupils AS persistent_percent,
	x.severe_pupils,
	x.severe_pupils::DOUBLE / x.pupils AS severe_percent,
	s.pupils - x.pupils AS rest_pupils,
	(s.absent_sessions - x.absent_sessions)::DOUBLE / nullif(s.possible_sessions - x.possible_sessions, 0) AS rest_absence_rate,
	100 * (x.absent_sessions::DOUBLE / nullif(x.possible_sessions, 0)
		- (s.absent_sessions - x.absent_sessions)::DOUBLE / nullif(s.possible_sessions - x.possible_sessions, 0)) AS gap_to_rest_points,
	(s.persistent_pupils - x.persistent_pupils)::DOUBLE / nullif(s.pupils - x.pupils, 0) AS rest_persistent_percent,
	100 * (x.persistent_pupils::DOUBLE / x.pupils
		- (s.persistent_pupils - x.persistent_pupils)::DOUBLE / nullif(s.pupils - x.pupils, 0)) AS gap_to_rest_persistent_points
FROM cells x
CROSS JOIN scope s
ORDER BY x.row_sort_key, x.row_value, x.col_sort_key, x.col_value;
