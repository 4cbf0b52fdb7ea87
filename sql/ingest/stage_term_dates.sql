-- Term dates file into stage_term_dates, typed, with stage_problems. {{…}} are column names c1..cN
-- (or NULL) chosen by the importer from the header. A half-term is academic year × half-term name.
CREATE OR REPLACE TEMP TABLE stage_term_dates AS
SELECT *, any_date(start_text) AS start_date, any_date(end_text) AS end_date,
	coalesce(try_cast(urn_text AS INTEGER), $school_for_terms::INTEGER) AS school_urn
FROM (
	SELECT row_no,
		nullif(trim({{urn}}::VARCHAR), '') AS urn_text,
		nullif(trim({{academic_year}}::VARCHAR), '') AS academic_year,
		nullif(trim({{term}}::VARCHAR), '') AS term,
		nullif(trim({{half_term}}::VARCHAR), '') AS half_term,
		nullif(trim({{start}}::VARCHAR), '') AS start_text,
		nullif(trim({{end}}::VARCHAR), '') AS end_text
	FROM stage_csv
);

CREATE OR REPLACE TEMP TABLE stage_problems AS
SELECT row_no, NULL::INTEGER AS line, NULL::VARCHAR AS upn, reason, NULL::INTEGER AS other_row FROM (
	SELECT row_no, 'academic year ''' || coalesce(academic_year, '') || ''' is not like 2024/25' AS reason
		FROM stage_term_dates WHERE NOT regexp_full_match(coalesce(academic_year, ''), '[0-9]{4}/[0-9]{2}')
	UNION ALL SELECT row_no, 'no term name' FROM stage_term_dates WHERE term IS NULL
	UNION ALL SELECT row_no, 'no half-term name' FROM stage_term_dates WHERE half_term IS NULL
	UNION ALL SELECT row_no, 'start date ''' || coalesce(start_text, '') || ''' is not a date' FROM stage_term_dates WHERE start_date IS NULL
	UNION ALL SELECT row_no, 'end date ''' || coalesce(end_text, '') || ''' is not a date' FROM stage_term_dates WHERE end_date IS NULL
	UNION ALL SELECT row_no, 'end date ' || end_text || ' is before start date ' || start_text FROM stage_term_dates WHERE end_date < start_date
	UNION ALL SELECT b.row_no, 'half-term ' || b.half_term || ' ' || b.academic_year || ' is listed twice'
		FROM stage_term_dates a JOIN stage_term_dates b ON a.academic_year = b.academic_year AND a.half_term = b.half_term
			AND a.school_urn IS NOT DISTINCT FROM b.school_urn AND a.row_no < b.row_no
	UNION ALL SELECT row_no, 'school URN ''' || urn_text || ''' is not in the warehouse'
		FROM stage_term_dates s WHERE urn_text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM schools WHERE urn = s.school_urn)
);
