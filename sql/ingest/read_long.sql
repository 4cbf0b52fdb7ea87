-- Long register, fast path: reads the CSV (the same reader and options as read_csv.sql) straight into
-- typed marks, with `bad` set on any row the row checks of validate_marks.sql might reject. A file with
-- any bad row (or UPN, school, code: stage_long_checks.sql) is read again as text (read_csv.sql) and checked
-- by validate_marks.sql, which names each problem. So this path may be stricter than that one, never
-- laxer, and a row it accepts is typed exactly as there: fields are used untrimmed where trimming could
-- not change the result (a valid UPN, a code, an ISO date, AM/PM, a number DuckDB reads whatever spaces
-- surround it) and trimmed otherwise. The rows keep file order
-- (preserve_insertion_order), so their rowid orders them as the file does (stage_marks.row_no:
-- stage_views.sql). {{stage}}: the in-memory database the register is staged in before the import's
-- transaction begins (DuckDB scans a table written inside a transaction on one thread only).
-- {{…}} are column names c1..cN (or NULL), the delimiter and the columns struct, chosen by the importer
-- from the header. $school: the school for rows without a URN.
CREATE OR REPLACE TABLE {{stage}}.stage_typed AS
SELECT upn, school_urn, date, session, code, minutes_late, reason, author,
	upn IS NULL OR school_urn IS NULL OR date IS NULL OR session IS NULL OR code IS NULL
		OR NOT (year(date) BETWEEN 1990 AND 2099) OR isodow(date) IN (6, 7)
		OR (urn_text IS NOT NULL AND urn IS NULL)
		OR (minutes_text IS NOT NULL AND (minutes_late IS NULL OR minutes_late < 0)) AS bad
FROM (
	SELECT
		nullif(upn_text, '') AS upn,
		nullif(urn_text, '') AS urn_text,
		try_cast(urn_text AS INTEGER) AS urn,
		coalesce(try_cast(urn_text AS INTEGER), $school::INTEGER) AS school_urn,
		-- an ISO date that trimming cannot change (a digit first, no space last: DuckDB's cast allows one)
		CASE WHEN date_text LIKE '____-__-__' AND date_text >= '0' AND date_text < ':' AND NOT ends_with(date_text, ' ')
			THEN try_cast(date_text AS DATE)
			ELSE mark_date(trim(date_text))
		END AS date,
		CASE session_text WHEN 'AM' THEN 'AM' WHEN 'PM' THEN 'PM' ELSE mark_session(trim(session_text)) END::register_session AS session,
		coalesce(try_cast(code_text AS attendance_code), try_cast(trim(code_text) AS attendance_code)) AS code,
		nullif(minutes_text, '') AS minutes_text,
		try_cast(minutes_text AS SMALLINT) AS minutes_late,
		nullif(trim(reason), '') AS reason,
		nullif(trim(author), '') AS author
	FROM (
		SELECT {{upn}}::VARCHAR AS upn_text, {{urn}}::VARCHAR AS urn_text, {{date}}::VARCHAR AS date_text,
			{{session}}::VARCHAR AS session_text, {{mark}}::VARCHAR AS code_text,
			{{minutes}}::VARCHAR AS minutes_text, {{reason}}::VARCHAR AS reason, {{author}}::VARCHAR AS author
		FROM read_csv($path,
			header = true,
			auto_detect = false,
			delim = {{delimiter}},
			quote = '"',
			escape = '"',
			strict_mode = true,
			null_padding = false,
			-- 2 MB (the longest line DuckDB reads), not its default: measured faster on a term's register
			buffer_size = 2097152,
			columns = {{columns}})
	)
);

