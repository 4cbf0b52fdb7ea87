-- Pre-aggregates of the register, so that the views and lists need not re-read every mark. Both are kept
-- current by every import inside its transaction (sql/ingest/merge_marks.sql recomputes the pupil-days a
-- file added or amended marks on) and by the retention purge (sql/commands/auth/retention_purge.sql); this
-- migration fills them once from the marks already held.
-- pupil_day_totals: one row per school × pupil × date with any mark; session counts by what the marks mean:
-- possible (codes counting in possible sessions), present (/ \ L), aea, authorised, unauthorised (the
-- categories of the national code table), missing (G N O), illness (I), late (L), late_after_close (U),
-- sessions (every mark, not-possible codes included). Half the rows of marks and no join to codes. Built by
-- pupil_day_rollup (sql/rules/pupil_days.sql), as every import and the purge build it.
CREATE TABLE pupil_day_totals (
	school_urn INTEGER NOT NULL,
	pupil_id INTEGER NOT NULL,
	date DATE NOT NULL,
	sessions UTINYINT NOT NULL,
	possible UTINYINT NOT NULL,
	present UTINYINT NOT NULL,
	aea UTINYINT NOT NULL,
	authorised UTINYINT NOT NULL,
	unauthorised UTINYINT NOT NULL,
	missing UTINYINT NOT NULL,
	illness UTINYINT NOT NULL,
	late UTINYINT NOT NULL,
	late_after_close UTINYINT NOT NULL
);

-- school_day_totals: one row per school × date with any mark, with its possible sessions (a school day of the
-- lists is a date with at least one: list_school_days).
CREATE TABLE school_day_totals (
	school_urn INTEGER NOT NULL,
	date DATE NOT NULL,
	possible_sessions INTEGER NOT NULL
);

INSERT INTO pupil_day_totals
SELECT * FROM pupil_day_rollup('marks')
ORDER BY school_urn, date, pupil_id;

INSERT INTO school_day_totals
SELECT school_urn, date, sum(possible)::INTEGER
FROM pupil_day_totals
GROUP BY school_urn, date
ORDER BY school_urn, date;
