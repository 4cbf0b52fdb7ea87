-- pupil_week_rollup(school, week_from, week_to): pupil_week_totals' rows recomputed from pupil_day_totals for
-- one school (NULL: every school) and the weeks from week_from to week_to (Mondays), for the imports and the
-- retention purge to replace the weeks they touched. The same sums as sql/schema/042_pupil_week_totals.sql.
CREATE OR REPLACE MACRO pupil_week_rollup(school, week_from, week_to) AS TABLE
SELECT school_urn, pupil_id, date_trunc('week', date)::DATE AS week,
	count(*)::UTINYINT AS days, sum(sessions)::UTINYINT AS sessions, sum(possible)::UTINYINT AS possible,
	sum(present)::UTINYINT AS present, sum(aea)::UTINYINT AS aea, sum(authorised)::UTINYINT AS authorised,
	sum(unauthorised)::UTINYINT AS unauthorised, sum(missing)::UTINYINT AS missing, sum(illness)::UTINYINT AS illness,
	sum(late)::UTINYINT AS late, sum(late_after_close)::UTINYINT AS late_after_close,
	min(date) FILTER (WHERE possible > 0) AS first_possible, max(date) FILTER (WHERE possible > 0) AS last_possible
FROM pupil_day_totals
WHERE (school IS NULL OR school_urn = school)
	AND date BETWEEN week_from AND week_to + INTERVAL 6 DAY
GROUP BY school_urn, pupil_id, week;
