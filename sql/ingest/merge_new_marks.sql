-- Merges a validated register whose schools hold no marks on its school-days (marks_held.sql) and that
-- lists no pupil-session twice (stage_new_days.sql), after new_pupils.sql: every mark is added, none is
-- amended, and the pre-aggregates of its school-days are its own counts (there are none to recompute
-- from marks). Parameter: $import_id. {{stage}}: where stage_new_days.sql kept the pupil-days.
INSERT INTO marks
SELECT s.school_urn, p.pupil_id, s.date, s.session, s.code, s.minutes_late, $import_id
FROM stage_marks s
JOIN pupils p ON p.upn = s.upn
ORDER BY s.school_urn, s.date, p.pupil_id, s.session;

INSERT INTO enrolments (school_urn, pupil_id, first_mark_date, last_mark_date)
SELECT d.school_urn, p.pupil_id, min(d.date), max(d.date)
FROM {{stage}}.stage_new_days d
JOIN pupils p ON p.upn = d.upn
GROUP BY d.school_urn, p.pupil_id
ON CONFLICT DO UPDATE SET
	first_mark_date = least(coalesce(enrolments.first_mark_date, excluded.first_mark_date), excluded.first_mark_date),
	last_mark_date = greatest(coalesce(enrolments.last_mark_date, excluded.last_mark_date), excluded.last_mark_date);

-- the counts unpacked (stage_new_days.sql; pupil_day_counts: sql/rules/pupil_days.sql) after sorting, which is
-- cheaper on one column than on nine
INSERT INTO pupil_day_totals
SELECT school_urn, pupil_id, date, sessions, unnest(pupil_day_counts(counts))
FROM (
	SELECT d.school_urn, p.pupil_id, d.date, d.sessions, d.counts
	FROM {{stage}}.stage_new_days d
	JOIN pupils p ON p.upn = d.upn
	ORDER BY d.school_urn, d.date, p.pupil_id
);

INSERT INTO school_day_totals
SELECT school_urn, date, sum(pupil_day_counts(counts).possible)::INTEGER
FROM {{stage}}.stage_new_days
GROUP BY school_urn, date
ORDER BY school_urn, date;

INSERT INTO school_code_totals
SELECT school_urn, date, session, code, count(*)::INTEGER
FROM stage_marks
GROUP BY school_urn, date, session, code
ORDER BY school_urn, date, session, code;

SELECT coalesce(sum(sessions), 0)::INTEGER AS added, 0 AS amended, 0 AS unchanged FROM {{stage}}.stage_new_days;
