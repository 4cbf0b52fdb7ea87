-- reports/weekday (weekday_sessions) by hand for SQLite.
SELECT
	CASE strftime('%w', m.date) WHEN '1' THEN 'Mon' WHEN '2' THEN 'Tue' WHEN '3' THEN 'Wed' WHEN '4' THEN 'Thu' WHEN '5' THEN 'Fri'
		WHEN '6' THEN 'Sat' ELSE 'Sun' END AS weekday,
	m.session,
	sum(c.counts_in_possible) AS possible_sessions,
	sum(c.category IN ('authorised', 'unauthorised')) AS absent_sessions,
	1.0 * sum(c.category IN ('authorised', 'unauthorised')) / sum(c.counts_in_possible) AS absence_rate
FROM marks m JOIN codes c ON c.code = m.code
WHERE m.date BETWEEN $from AND $to
GROUP BY strftime('%w', m.date), m.session
HAVING sum(c.counts_in_possible) > 0
ORDER BY (strftime('%w', m.date) + 6) % 7, m.session;
