-- A register's pupil-days (for one whose schools hold no marks on its school-days: marks_held.sql), with the
-- counts of the pre-aggregate pupil_day_totals taken from its own rows (packed: pupil_day_weights in
-- sql/rules/pupil_days.sql), and whether it lists any pupil-session twice (then it is merged as any other:
-- stage_repeats.sql, merge_marks.sql). Pupils by UPN: a new pupil has no pupil_id until the merge.
-- {{table}} {{stage}}: where to keep them (TEMP TABLE temp: a long register read fast has them from
-- stage_long_checks.sql).
CREATE OR REPLACE {{table}} {{stage}}.stage_new_days AS
SELECT s.school_urn, s.upn, s.date,
	count(*) AS sessions,
	count(*) FILTER (WHERE s.session = 'AM') AS am_sessions,
	sum(w.weight)::INTEGER AS counts
FROM stage_marks s
JOIN pupil_day_weights() w ON w.code = s.code
GROUP BY s.school_urn, s.upn, s.date;

SELECT coalesce(bool_or(am_sessions > 1 OR sessions - am_sessions > 1), false) AS repeats FROM {{stage}}.stage_new_days;
