-- Long register (one row per pupil-session): picks the columns the header named into stage_raw.
-- {{…}} are column names c1..cN (or NULL) chosen by the importer from the header.
CREATE OR REPLACE TEMP VIEW stage_raw AS
SELECT
	row_no,
	NULL::INTEGER AS line,
	NULL::VARCHAR AS column_label,
	NULL::VARCHAR AS problem,
	{{urn}}::VARCHAR AS urn_text,
	{{upn}}::VARCHAR AS upn,
	{{date}}::VARCHAR AS date_text,
	{{session}}::VARCHAR AS session_text,
	{{mark}}::VARCHAR AS code_text,
	{{minutes}}::VARCHAR AS minutes_text,
	{{reason}}::VARCHAR AS reason,
	{{author}}::VARCHAR AS author
FROM stage_csv;
