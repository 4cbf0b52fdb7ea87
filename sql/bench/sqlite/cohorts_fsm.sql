-- cohorts/by_dimension for the FSM dimension by hand for SQLite: each group's absence and persistent
-- absence, with the rest of the school (the national figures are left out).
WITH p AS (
	SELECT m.school_urn, m.pupil_id,
		sum(c.counts_in_possible) AS possible,
		sum(c.category IN ('authorised', 'unauthorised')) AS absent
	FROM marks m JOIN codes c ON c.code = m.code
	WHERE m.date BETWEEN $from AND $to
	GROUP BY m.school_urn, m.pupil_id
	HAVING sum(c.counts_in_possible) > 0
),
g AS (
	SELECT CASE WHEN u.fsm = 1 THEN 'FSM eligible' WHEN u.fsm = 0 THEN 'Not FSM eligible' END AS value,
		count(*) AS pupils, sum(possible) AS possible_sessions, sum(absent) AS absent_sessions,
		sum(absent * 10 >= possible) AS persistent_pupils
	FROM p JOIN pupils u ON u.pupil_id = p.pupil_id
	GROUP BY 1
),
t AS (SELECT sum(pupils) AS pupils, sum(possible_sessions) AS possible, sum(absent_sessions) AS absent FROM g)
SELECT g.value, g.pupils, g.possible_sessions, g.absent_sessions, 1.0 * g.absent_sessions / g.possible_sessions AS absence_rate,
	g.persistent_pupils, t.pupils - g.pupils AS rest_pupils,
	1.0 * (t.absent - g.absent_sessions) / (t.possible - g.possible_sessions) AS rest_absence_rate
FROM g, t
WHERE g.value IS NOT NULL
ORDER BY g.value;
