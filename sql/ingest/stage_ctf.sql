-- CTF attendance, decoded by the importer into a CSV of line,urn,upn,date,session,mark (c1..c6),
-- into stage_raw. `line` is the XML line of the pupil's <UPN>, so problems name pupil and line.
CREATE OR REPLACE TEMP VIEW stage_raw AS
SELECT
	row_no,
	c1::INTEGER AS line,
	NULL::VARCHAR AS column_label,
	NULL::VARCHAR AS problem,
	c2 AS urn_text,
	c3 AS upn,
	c4 AS date_text,
	c5 AS session_text,
	c6 AS code_text,
	NULL::VARCHAR AS minutes_text,
	NULL::VARCHAR AS reason,
	NULL::VARCHAR AS author
FROM stage_csv;
