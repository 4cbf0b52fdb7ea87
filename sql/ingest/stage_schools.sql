-- Schools file (URN, name, LA, establishment number, phase) into stage_schools with stage_problems.
CREATE OR REPLACE TEMP TABLE stage_schools AS
SELECT *, try_cast(urn_text AS INTEGER) AS urn FROM (
	SELECT row_no,
		nullif(trim({{urn}}::VARCHAR), '') AS urn_text,
		nullif(trim({{name}}::VARCHAR), '') AS name,
		nullif(trim({{la}}::VARCHAR), '') AS la_code,
		nullif(trim({{estab}}::VARCHAR), '') AS estab,
		nullif(trim({{phase}}::VARCHAR), '') AS phase
	FROM stage_csv
);

CREATE OR REPLACE TEMP TABLE stage_problems AS
SELECT row_no, NULL::INTEGER AS line, NULL::VARCHAR AS upn, reason, NULL::INTEGER AS other_row FROM (
	SELECT row_no, 'URN ''' || coalesce(urn_text, '') || ''' is not a number' AS reason FROM stage_schools WHERE urn IS NULL
	UNION ALL SELECT b.row_no, 'school ' || b.urn || ' is listed twice' FROM stage_schools a JOIN stage_schools b ON a.urn = b.urn AND a.row_no < b.row_no
);
