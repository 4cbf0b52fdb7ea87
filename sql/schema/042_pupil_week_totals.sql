-- pupil_week_totals: the pupil-days of pupil_day_totals summed by week (Monday to Sunday), a fifth of the rows.
-- Kept current like the other pre-aggregates: sql/ingest/merge_marks.sql and sql/commands/auth/retention_purge.sql
-- recompute the weeks of the days they touch with pupil_week_rollup (sql/rules/pupil_days.sql); this
-- migration fills it once from the pupil-days already held, with the same macro.
-- week: the Monday; days: pupil-days with any mark; first_possible / last_possible: the first and last day
-- with a possible session (NULL if none); the session counts as in pupil_day_totals.
CREATE TABLE pupil_week_totals (
	school_urn INTEGER NOT NULL,
	pupil_id INTEGER NOT NULL,
	week DATE NOT NULL,
	days UTINYINT NOT NULL,
	sessions UTINYINT NOT NULL,
	possible UTINYINT NOT NULL,
	present UTINYINT NOT NULL,
	aea UTINYINT NOT NULL,
	authorised UTINYINT NOT NULL,
	unauthorised UTINYINT NOT NULL,
	missing UTINYINT NOT NULL,
	illness UTINYINT NOT NULL,
	late UTINYINT NOT NULL,
	late_after_close UTINYINT NOT NULL,
	first_possible DATE,
	last_possible DATE
);

INSERT INTO pupil_week_totals
SELECT * FROM pupil_week_rollup('pupil_day_totals')
ORDER BY school_urn, week, pupil_id;
