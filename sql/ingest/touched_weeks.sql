-- The weeks to recompute in pupil_week_totals after a change to the pupil-days of {{stage}}.{{days}}
-- (school_urn, date): each school's first and last touched week (refresh_pupil_weeks.sql, once per school).
SELECT school_urn AS school,
	strftime(min(date_trunc('week', date)), '%Y-%m-%d') AS week_from,
	strftime(max(date_trunc('week', date)), '%Y-%m-%d') AS week_to
FROM {{stage}}.{{days}}
GROUP BY school_urn
ORDER BY school_urn;
