-- Wide register grid (one row per pupil, one column per date, "AM PM" in a cell): unpivots the date
-- columns into stage_raw, one row per session. An empty cell is no mark (not on roll); "-" is no mark
-- for that session. A cell that does not hold exactly two marks is kept as a problem.
-- stage_wide_dates(col, date_text) names the date columns; {{date_columns}} lists them, {{upn}} and
-- {{urn}} are column names c1..cN (or NULL) chosen by the importer from the header.
CREATE OR REPLACE TEMP VIEW stage_raw AS
WITH cells AS (
	SELECT row_no, urn_text, upn, col, string_split(trim(regexp_replace(cell, '\s+', ' ', 'g')), ' ') AS marks, cell
	FROM (
		UNPIVOT (SELECT row_no, {{urn}}::VARCHAR AS urn_text, {{upn}}::VARCHAR AS upn, {{date_columns}} FROM stage_csv)
		ON {{date_columns}} INTO NAME col VALUE cell
	)
	WHERE trim(cell) <> ''
),
sessions AS (
	SELECT c.*, s.session_text, s.i
	FROM cells c, (VALUES (1, 'AM'), (2, 'PM')) s(i, session_text)
)
SELECT
	row_no,
	NULL::INTEGER AS line,
	'column ' || d.date_text AS column_label,
	CASE WHEN len(marks) <> 2
		THEN 'cell ''' || cell || ''' in column ' || d.date_text || ' should hold two marks, AM and PM, separated by a space'
	END AS problem,
	urn_text,
	upn,
	d.date_text,
	session_text,
	marks[i] AS code_text,
	NULL::VARCHAR AS minutes_text,
	NULL::VARCHAR AS reason,
	NULL::VARCHAR AS author
FROM sessions
JOIN stage_wide_dates d USING (col)
WHERE (len(marks) = 2 AND marks[i] <> '-') OR (len(marks) <> 2 AND i = 1);
