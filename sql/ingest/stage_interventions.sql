-- Intervention log file into stage_interventions, typed, with stage_problems. {{…}} are column names
-- c1..cN (or NULL) chosen by the importer from the header.
CREATE OR REPLACE TEMP TABLE stage_interventions AS
SELECT row_no, upn, urn_text, type, start_text, end_text, review_text, target, notes, staff,
	coalesce(try_cast(urn_text AS INTEGER), $school::INTEGER) AS school_urn,
	any_date(start_text) AS start_date, any_date(end_text) AS end_date, any_date(review_text) AS review_date
FROM (
	SELECT row_no,
		nullif(trim({{upn}}::VARCHAR), '') AS upn,
		nullif(trim({{urn}}::VARCHAR), '') AS urn_text,
		nullif(trim({{type}}::VARCHAR), '') AS type,
		nullif(trim({{start}}::VARCHAR), '') AS start_text,
		nullif(trim({{end}}::VARCHAR), '') AS end_text,
		nullif(trim({{review}}::VARCHAR), '') AS review_text,
		nullif(trim({{target}}::VARCHAR), '') AS target,
		nullif(trim({{notes}}::VARCHAR), '') AS notes,
		nullif(trim({{staff}}::VARCHAR), '') AS staff
	FROM stage_csv
);

CREATE OR REPLACE TEMP TABLE stage_problems AS
SELECT row_no, NULL::INTEGER AS line, upn, reason, NULL::INTEGER AS other_row FROM (
	SELECT row_no, upn, 'no UPN' AS reason FROM stage_interventions WHERE upn IS NULL
	UNION ALL
	SELECT row_no, upn, 'UPN ''' || upn || ''' is not a valid UPN (check letter and 12 digits)'
	FROM stage_interventions WHERE upn IS NOT NULL AND NOT is_valid_upn(upn)
	UNION ALL SELECT row_no, upn, 'no intervention type' FROM stage_interventions WHERE type IS NULL
	UNION ALL SELECT row_no, upn, CASE WHEN start_text IS NULL THEN 'no start date' ELSE 'start date ''' || start_text || ''' is not a date' END
		FROM stage_interventions WHERE start_date IS NULL
	UNION ALL SELECT row_no, upn, 'end date ''' || end_text || ''' is not a date' FROM stage_interventions WHERE end_text IS NOT NULL AND end_date IS NULL
	UNION ALL SELECT row_no, upn, 'review date ''' || review_text || ''' is not a date' FROM stage_interventions WHERE review_text IS NOT NULL AND review_date IS NULL
	UNION ALL SELECT row_no, upn, 'end date ' || end_text || ' is before start date ' || start_text FROM stage_interventions WHERE end_date < start_date
	UNION ALL SELECT row_no, upn, 'review date ' || review_text || ' is before start date ' || start_text FROM stage_interventions WHERE review_date < start_date
	UNION ALL SELECT row_no, upn, 'intervention type ''' || left(type, 40) || '…'' is longer than 80 characters' FROM stage_interventions WHERE length(type) > 80
	UNION ALL SELECT row_no, upn, 'school URN ''' || urn_text || ''' is not in the warehouse'
		FROM stage_interventions s WHERE urn_text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM schools WHERE urn = s.school_urn)
);
