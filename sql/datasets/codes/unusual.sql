-- codes/unusual: codes used unusually often by one group of pupils. For each code that counts in possible
-- sessions and each group of each cohort dimension (pupil_cohorts as of $from), the group's share of its
-- possible sessions with the code against the same share for the rest of the pupils in the filter.
-- Grain: dimension × group × code, only the rows the rule lists. Units: pupils, sessions; shares are
-- fractions, ratio = share / rest_share.
-- Parameters: the dashboard filters ($from, $to, $school, $year_group, $cohort_dimension, $cohort_value).
-- Rule: listed when the group has at least 10 pupils (with a possible session in the range), the group has
-- at least 20 sessions with the code, and ratio >= 1.5; a code no other pupil has (rest_share 0) is listed
-- with ratio NULL, first. The rest must also number at least 10 pupils: a share measured on a handful of
-- pupils is no yardstick (without this, 'Not looked after' is compared with a few looked-after children). Pupils with no value in a dimension belong to no group of it but are in the
-- rest. A dimension the filter leaves with one group (no rest) lists nothing. Highest ratio first (then the
-- most pupils with the code). code_pupils = the group's pupils with at least one session of the code: a
-- code one family uses shows up in every group that family belongs to, and this says so.
WITH pupil_codes AS (
	-- one pass over the marks: each pupil's possible sessions of each code
	SELECT pupil_id, code, count(*) AS sessions
	FROM filtered_marks($from::DATE, $to::DATE, $school::INTEGER, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
	WHERE possible
	GROUP BY ALL
),
pupil_possible AS (SELECT pupil_id, sum(sessions)::BIGINT AS possible FROM pupil_codes GROUP BY ALL),
everyone AS (SELECT count(*) AS pupils, sum(possible) AS possible FROM pupil_possible),
code_totals AS (SELECT code, sum(sessions) AS sessions FROM pupil_codes GROUP BY code),
groups AS (
	SELECT c.dimension, c.value, c.sort_key, c.pupil_id
	FROM pupil_cohorts($from::DATE) c
	JOIN pupil_possible p USING (pupil_id)
),
group_possible AS (
	SELECT g.dimension, g.value, min(g.sort_key) AS sort_key, count(*) AS pupils, sum(p.possible) AS possible
	FROM groups g JOIN pupil_possible p USING (pupil_id)
	GROUP BY g.dimension, g.value
),
group_codes AS (
	SELECT g.dimension, g.value, pc.code, sum(pc.sessions) AS sessions, count(*) AS code_pupils
	FROM groups g JOIN pupil_codes pc USING (pupil_id)
	GROUP BY g.dimension, g.value, pc.code
),
compared AS (
	SELECT
		gc.dimension, gc.value, gp.sort_key, gp.pupils, gc.code, gc.code_pupils,
		gc.sessions, gp.possible,
		gc.sessions::DOUBLE / gp.possible AS share,
		ct.sessions - gc.sessions AS rest_sessions,
		e.possible - gp.possible AS rest_possible,
		e.pupils - gp.pupils AS rest_pupils
	FROM group_codes gc
	JOIN group_possible gp USING (dimension, value)
	JOIN code_totals ct USING (code)
	CROSS JOIN everyone e
)
SELECT
	x.dimension,
	x.value AS group_value,
	x.pupils::INTEGER AS pupils,
	x.code::VARCHAR AS code,
	x.code_pupils::INTEGER AS code_pupils,
	c.meaning,
	c.category::VARCHAR AS category,
	x.sessions::INTEGER AS sessions,
	x.possible::INTEGER AS possible_sessions,
	x.share,
	x.rest_pupils::INTEGER AS rest_pupils,
	x.rest_sessions::INTEGER AS rest_sessions,
	x.rest_possible::INTEGER AS rest_possible_sessions,
	x.rest_sessions::DOUBLE / x.rest_possible AS rest_share,
	x.share / nullif(x.rest_sessions::DOUBLE / x.rest_possible, 0) AS ratio
FROM compared x
JOIN codes c ON c.code = x.code
WHERE x.pupils >= 10
	AND x.sessions >= 20
	AND x.rest_pupils >= 10
	AND (x.rest_sessions = 0 OR x.share >= 1.5 * x.rest_sessions::DOUBLE / x.rest_possible)
ORDER BY ratio DESC NULLS FIRST, x.code_pupils DESC, x.sessions DESC, x.dimension, x.sort_key, x.code;
