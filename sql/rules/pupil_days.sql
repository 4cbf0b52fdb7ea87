-- How the pre-aggregates pupil_day_totals and pupil_week_totals (sql/schema/040_pre_aggregates.sql,
-- 042_pupil_week_totals.sql) are built from the marks, the same for every builder: the migrations that fill
-- them, an import's merge (sql/ingest/merge_marks.sql, and merge_new_marks.sql from the counts
-- stage_new_days.sql / stage_long_checks.sql packed), the week refresh (refresh_pupil_weeks.sql) and the
-- retention purge (sql/commands/auth/retention_purge.sql). What a mark counts as is code_flags (code_flags.sql).
-- Tables are named by parameter (query_table), so that the rules can be made before the migrations have made
-- them (DuckDB binds a macro when it is created, a table named by a parameter when the macro is called).

-- pupil_day_weights(): what one mark of each code adds to its pupil-day's counts, in one INTEGER: 1 in its own
-- 3-bit field for each count (possible, present, aea, authorised, unauthorised, missing, illness, late,
-- late_after_close, in that order) the code adds to. The sum over a pupil-day (at most 2 sessions, AM and PM)
-- adds up every count without one field overflowing into the next; pupil_day_counts unpacks it. With each
-- code's valid_from / valid_to, for the import's checks (one join).
CREATE OR REPLACE MACRO pupil_day_weights(code_table := 'codes') AS TABLE
SELECT c.code, c.valid_from, c.valid_to,
	f.possible::INTEGER
	+ (f.present::INTEGER << 3)
	+ (f.aea::INTEGER << 6)
	+ (f.authorised::INTEGER << 9)
	+ (f.unauthorised::INTEGER << 12)
	+ (f.missing::INTEGER << 15)
	+ (f.illness::INTEGER << 18)
	+ (f.late::INTEGER << 21)
	+ (f.late_after_close::INTEGER << 24) AS weight
FROM query_table(code_table) c
JOIN code_flags(code_table := code_table) f ON f.code = c.code;

-- pupil_day_counts(counts): a pupil-day's summed weights as pupil_day_totals' counts, a STRUCT in the table's
-- column order (unnest(pupil_day_counts(counts)) gives the columns).
CREATE OR REPLACE MACRO pupil_day_counts(counts) AS {
	'possible': (counts & 7)::UTINYINT,
	'present': ((counts >> 3) & 7)::UTINYINT,
	'aea': ((counts >> 6) & 7)::UTINYINT,
	'authorised': ((counts >> 9) & 7)::UTINYINT,
	'unauthorised': ((counts >> 12) & 7)::UTINYINT,
	'missing': ((counts >> 15) & 7)::UTINYINT,
	'illness': ((counts >> 18) & 7)::UTINYINT,
	'late': ((counts >> 21) & 7)::UTINYINT,
	'late_after_close': ((counts >> 24) & 7)::UTINYINT
};

-- pupil_day_rollup(marks): pupil_day_totals' rows (school × pupil × date: sessions, every mark; then the counts)
-- of the marks in the table, view or CTE named marks (school_urn, pupil_id, date, code; one mark a session):
-- INSERT INTO pupil_day_totals SELECT * FROM pupil_day_rollup('marks').
CREATE OR REPLACE MACRO pupil_day_rollup(marks) AS TABLE
SELECT school_urn, pupil_id, date, sessions, unnest(pupil_day_counts(counts))
FROM (
	SELECT m.school_urn, m.pupil_id, m.date, count(*)::UTINYINT AS sessions, sum(w.weight)::INTEGER AS counts
	FROM query_table(marks) m
	JOIN pupil_day_weights() w ON w.code = m.code
	GROUP BY m.school_urn, m.pupil_id, m.date
);

-- pupil_week_rollup(days): pupil_week_totals' rows of the pupil-days (pupil_day_totals' rows) in the table or
-- CTE named days, summed by week (Monday to Sunday, week the Monday): days, pupil-days with any mark;
-- first_possible / last_possible, the first and last day with a possible session (NULL if none).
CREATE OR REPLACE MACRO pupil_week_rollup(days) AS TABLE
SELECT school_urn, pupil_id, date_trunc('week', date)::DATE AS week,
	count(*)::UTINYINT AS days, sum(sessions)::UTINYINT AS sessions, sum(possible)::UTINYINT AS possible,
	sum(present)::UTINYINT AS present, sum(aea)::UTINYINT AS aea, sum(authorised)::UTINYINT AS authorised,
	sum(unauthorised)::UTINYINT AS unauthorised, sum(missing)::UTINYINT AS missing, sum(illness)::UTINYINT AS illness,
	sum(late)::UTINYINT AS late, sum(late_after_close)::UTINYINT AS late_after_close,
	min(date) FILTER (WHERE possible > 0) AS first_possible, max(date) FILTER (WHERE possible > 0) AS last_possible
FROM query_table(days)
GROUP BY school_urn, pupil_id, week;
