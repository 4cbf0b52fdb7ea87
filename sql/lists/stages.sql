-- list stages: the staged approach of school attendance policies (the "19-day" model): absent days this
-- academic year (1 September to $on) = (authorised + unauthorised sessions) / 2; stages at 4, 7, 10, 13
-- and 16 days, 10-18 days "at risk", 19 days or more persistent for the rest of the academic year (days
-- only accumulate, so a pupil stays persistent even if the rate recovers). A stage is crossed on the day
-- the running absent sessions first reach 2 x its days.
-- Rows: each pupil who crossed a stage after $since (NULL: this academic year) up to $on, with the highest
-- stage reached, the day it was crossed and the stage held on $since. Latest stage first.
-- Params: $on, $school, $since.
-- The running total is kept over absence days only (a stage is always crossed on a day with an absence).
-- Only pupils on roll on $on (on_roll: sql/rules/on_roll.sql); a leaver drops off the list after leaving.
WITH daily AS (
	SELECT school_urn, pupil_id, date,
		sum(absent) OVER (PARTITION BY school_urn, pupil_id ORDER BY date) AS running
	FROM list_pupil_days($school::INTEGER, academic_year_start($on::DATE), $on::DATE)
	WHERE absent > 0
),
stages(stage, stage_days, stage_name) AS (
	VALUES (1, 4, 'Stage 1'), (2, 7, 'Stage 2'), (3, 10, 'Stage 3'), (4, 13, 'Stage 4'), (5, 16, 'Stage 5'), (6, 19, 'Persistent')
),
totals AS (
	-- each stage's crossing day, in stage order
	SELECT school_urn, pupil_id, max(running)::INTEGER AS absent_sessions,
		[min(date) FILTER (WHERE running >= 8), min(date) FILTER (WHERE running >= 14),
			min(date) FILTER (WHERE running >= 20), min(date) FILTER (WHERE running >= 26),
			min(date) FILTER (WHERE running >= 32), min(date) FILTER (WHERE running >= 38)] AS crossed_on
	FROM daily
	GROUP BY school_urn, pupil_id
	HAVING max(running) >= 8
),
crossed AS (
	SELECT t.school_urn, t.pupil_id, s.stage, t.crossed_on[s.stage] AS crossed_on
	FROM totals t JOIN stages s ON t.absent_sessions >= 2 * s.stage_days
),
pupil AS (
	SELECT school_urn, pupil_id,
		max(stage) AS stage,
		max(stage) FILTER (WHERE $since::DATE IS NOT NULL AND crossed_on <= $since::DATE) AS stage_on_since
	FROM crossed GROUP BY school_urn, pupil_id
)
SELECT
	p.upn,
	t.absent_sessions / 2 AS absent_days,
	t.absent_sessions,
	s.stage_days,
	s.stage_name,
	c.crossed_on,
	prev.stage_days AS stage_days_on_since,
	CASE WHEN t.absent_sessions >= 38 THEN 'persistent' WHEN t.absent_sessions >= 20 THEN 'at risk' END AS band,
	x.school_urn
FROM pupil x
JOIN totals t ON t.school_urn = x.school_urn AND t.pupil_id = x.pupil_id
JOIN crossed c ON c.school_urn = x.school_urn AND c.pupil_id = x.pupil_id AND c.stage = x.stage
JOIN stages s ON s.stage = x.stage
LEFT JOIN stages prev ON prev.stage = x.stage_on_since
JOIN pupils p ON p.pupil_id = x.pupil_id
SEMI JOIN on_roll($on::DATE, school := $school::INTEGER) roll ON roll.school_urn = x.school_urn AND roll.pupil_id = x.pupil_id
WHERE x.stage_on_since IS DISTINCT FROM x.stage
ORDER BY s.stage_days DESC, c.crossed_on DESC, p.upn, x.school_urn;
