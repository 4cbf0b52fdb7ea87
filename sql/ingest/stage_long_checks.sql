-- A long register read fast (read_long.sql, viewed as stage_marks: stage_views.sql), in one pass: its
-- pupil-days (stage_new_days.sql's, with each day's problems), its school-days (stage_school_dates.sql's),
-- and whether it has any problem validate_marks.sql would name: a bad row, a code used outside its dates,
-- a school not in the warehouse, a UPN that fails its check letter. (Pupil-sessions listed twice with
-- different marks are found as the marks are merged: stage_repeats.sql.) {{stage}}: the database it is
-- staged in; $chosen_school: the school chosen for the import (--school), which the import adds if new.
CREATE OR REPLACE TABLE {{stage}}.stage_new_days AS
SELECT s.school_urn, s.upn, s.date,
	count(*) AS sessions,
	count(*) FILTER (WHERE s.session = 'AM') AS am_sessions,
	sum(w.weight)::INTEGER AS counts,
	count(*) FILTER (WHERE s.bad OR w.code IS NULL OR s.date < w.valid_from OR s.date > w.valid_to) AS problems
FROM stage_marks s
LEFT JOIN pupil_day_weights() w ON w.code = s.code
GROUP BY s.school_urn, s.upn, s.date;

CREATE OR REPLACE TABLE {{stage}}.stage_school_dates AS
SELECT DISTINCT school_urn, date FROM {{stage}}.stage_new_days;

SELECT
	coalesce(sum(sessions), 0)::INTEGER AS rows,
	(coalesce(sum(problems), 0)
		+ (SELECT count(*) FROM (SELECT DISTINCT school_urn FROM {{stage}}.stage_school_dates WHERE school_urn IS NOT NULL) s
			WHERE NOT EXISTS (SELECT 1 FROM schools WHERE urn = s.school_urn) AND s.school_urn IS DISTINCT FROM $chosen_school::INTEGER)
		-- a FILTER, not a WHERE: a WHERE is pushed below the DISTINCT and checks every day's UPN
		+ (SELECT count(*) FILTER (WHERE NOT is_valid_upn(upn)) FROM (SELECT DISTINCT upn FROM {{stage}}.stage_new_days WHERE upn IS NOT NULL))
	)::INTEGER AS problems,
	coalesce(bool_or(am_sessions > 1 OR sessions - am_sessions > 1), false) AS repeats,
	min(school_urn) AS urn_from, max(school_urn) AS urn_to,
	strftime(min(date), '%Y-%m-%d') AS date_from, strftime(max(date), '%Y-%m-%d') AS date_to
FROM {{stage}}.stage_new_days;
