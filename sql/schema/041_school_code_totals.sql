-- A third pre-aggregate beside those of 040_pre_aggregates.sql: school_code_totals, one row per school ×
-- date × session × code with how many marks carry it (a few hundred thousand rows where marks have tens of
-- millions). Kept current the same way (sql/ingest/merge_marks.sql recomputes the school-days an import
-- touched; sql/commands/auth/retention_purge.sql those it purged). code_usage and weekday_sessions read it when no
-- year-group or cohort filter narrows the pupils.
CREATE TABLE school_code_totals (
	school_urn INTEGER NOT NULL,
	date DATE NOT NULL,
	session register_session NOT NULL,
	code attendance_code NOT NULL,
	sessions INTEGER NOT NULL
);

INSERT INTO school_code_totals
SELECT school_urn, date, session, code, count(*)::INTEGER
FROM marks
GROUP BY school_urn, date, session, code
ORDER BY school_urn, date, session, code;
