-- lists/bands by hand for SQLite (simplified: no movement since last half-term): each pupil's
-- attendance this academic year to $on and its band.
SELECT u.upn, m.school_urn,
	1.0 * sum(c.category IN ('present', 'aea')) / sum(c.counts_in_possible) AS attendance_rate,
	CASE WHEN 1.0 * sum(c.category IN ('present', 'aea')) / sum(c.counts_in_possible) >= 0.97 THEN 'high'
		WHEN 1.0 * sum(c.category IN ('present', 'aea')) / sum(c.counts_in_possible) >= 0.95 THEN 'expected'
		WHEN 1.0 * sum(c.category IN ('present', 'aea')) / sum(c.counts_in_possible) > 0.9 THEN 'at risk'
		WHEN 1.0 * sum(c.category IN ('present', 'aea')) / sum(c.counts_in_possible) > 0.5 THEN 'persistent'
		ELSE 'severe' END AS band,
	sum(c.counts_in_possible) AS possible_sessions
FROM marks m JOIN codes c ON c.code = m.code JOIN pupils u ON u.pupil_id = m.pupil_id
WHERE m.date BETWEEN $from AND $on
GROUP BY m.school_urn, m.pupil_id
HAVING sum(c.counts_in_possible) > 0
ORDER BY attendance_rate;
