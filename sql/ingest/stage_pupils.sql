-- Pupils' characteristics file into stage_pupils, typed, with stage_problems. {{…}} are column names
-- c1..cN (or NULL) chosen by the importer from the header. Booleans accept Y/N, Yes/No, True/False,
-- 1/0; SEN is N (none), K (SEN support) or E (EHC plan); year groups N1, N2, R, 1-14 ("Year 7", "Y7").
CREATE OR REPLACE TEMP TABLE stage_pupils_raw AS
SELECT row_no,
	nullif(trim({{upn}}::VARCHAR), '') AS upn,
	nullif(trim({{urn}}::VARCHAR), '') AS urn_text,
	nullif(trim({{forename}}::VARCHAR), '') AS forename,
	nullif(trim({{surname}}::VARCHAR), '') AS surname,
	nullif(trim({{dob}}::VARCHAR), '') AS dob_text,
	nullif(trim({{sex}}::VARCHAR), '') AS sex_text,
	nullif(trim({{year_group}}::VARCHAR), '') AS year_group_text,
	nullif(trim({{form}}::VARCHAR), '') AS form,
	nullif(trim({{fsm}}::VARCHAR), '') AS fsm_text,
	nullif(trim({{pupil_premium}}::VARCHAR), '') AS pupil_premium_text,
	nullif(trim({{sen}}::VARCHAR), '') AS sen_text,
	nullif(trim({{eal}}::VARCHAR), '') AS eal_text,
	nullif(trim({{ethnicity}}::VARCHAR), '') AS ethnicity,
	nullif(trim({{cla}}::VARCHAR), '') AS cla_text,
	nullif(trim({{cin}}::VARCHAR), '') AS cin_text,
	nullif(trim({{cpp}}::VARCHAR), '') AS cpp_text,
	nullif(trim({{young_carer}}::VARCHAR), '') AS young_carer_text,
	nullif(trim({{admission}}::VARCHAR), '') AS admission_text,
	nullif(trim({{leaving}}::VARCHAR), '') AS leaving_text
FROM stage_csv;

CREATE OR REPLACE TEMP TABLE stage_pupils AS
SELECT r.*,
	coalesce(try_cast(urn_text AS INTEGER), $school::INTEGER) AS school_urn,
	any_date(dob_text) AS date_of_birth,
	CASE upper(sex_text) WHEN 'M' THEN 'M' WHEN 'MALE' THEN 'M' WHEN 'F' THEN 'F' WHEN 'FEMALE' THEN 'F' END AS sex,
	nullif(regexp_extract(upper(year_group_text), '^(?:YEAR\s*|Y)?(N1|N2|R|[0-9]{1,2})$', 1), '') AS year_group,
	yes_no(fsm_text) AS fsm,
	yes_no(pupil_premium_text) AS pupil_premium,
	CASE upper(sen_text) WHEN 'N' THEN 'N' WHEN 'NONE' THEN 'N' WHEN 'K' THEN 'K' WHEN 'SEN SUPPORT' THEN 'K'
		WHEN 'E' THEN 'E' WHEN 'EHCP' THEN 'E' WHEN 'EHC PLAN' THEN 'E' END::sen_provision AS sen,
	yes_no(eal_text) AS eal,
	yes_no(cla_text) AS cla,
	yes_no(cin_text) AS child_in_need,
	yes_no(cpp_text) AS child_protection_plan,
	yes_no(young_carer_text) AS young_carer,
	any_date(admission_text) AS admission_date,
	any_date(leaving_text) AS leaving_date
FROM stage_pupils_raw r;

CREATE OR REPLACE TEMP TABLE stage_problems AS
SELECT row_no, NULL::INTEGER AS line, upn, reason, NULL::INTEGER AS other_row FROM (
	SELECT row_no, upn, 'no UPN' AS reason FROM stage_pupils WHERE upn IS NULL
	UNION ALL
	SELECT row_no, upn, CASE WHEN NOT regexp_full_match(upn, '[A-Z][0-9]{12}')
		THEN 'UPN ''' || upn || ''' is not a check letter followed by 12 digits'
		ELSE 'UPN ''' || upn || ''' has the wrong check letter (its digits give ' || upn_check_letter(upn) || ')' END
	FROM stage_pupils WHERE upn IS NOT NULL AND NOT is_valid_upn(upn)
	UNION ALL
	SELECT b.row_no, b.upn, 'pupil listed twice (also on an earlier row)'
	FROM stage_pupils a JOIN stage_pupils b ON a.upn = b.upn AND a.row_no < b.row_no
	UNION ALL SELECT row_no, upn, 'date of birth ''' || dob_text || ''' is not a date' FROM stage_pupils WHERE dob_text IS NOT NULL AND date_of_birth IS NULL
	UNION ALL SELECT row_no, upn, 'sex ''' || sex_text || ''' is not M or F' FROM stage_pupils WHERE sex_text IS NOT NULL AND sex IS NULL
	UNION ALL SELECT row_no, upn, 'year group ''' || year_group_text || ''' is not N1, N2, R or 1-14' FROM stage_pupils WHERE year_group_text IS NOT NULL AND year_group IS NULL
	UNION ALL SELECT row_no, upn, 'SEN ''' || sen_text || ''' is not N, K or E' FROM stage_pupils WHERE sen_text IS NOT NULL AND sen IS NULL
	UNION ALL SELECT row_no, upn, 'FSM ''' || fsm_text || ''' is not Y or N' FROM stage_pupils WHERE fsm_text IS NOT NULL AND fsm IS NULL
	UNION ALL SELECT row_no, upn, 'pupil premium ''' || pupil_premium_text || ''' is not Y or N' FROM stage_pupils WHERE pupil_premium_text IS NOT NULL AND pupil_premium IS NULL
	UNION ALL SELECT row_no, upn, 'EAL ''' || eal_text || ''' is not Y or N' FROM stage_pupils WHERE eal_text IS NOT NULL AND eal IS NULL
	UNION ALL SELECT row_no, upn, 'CLA ''' || cla_text || ''' is not Y or N' FROM stage_pupils WHERE cla_text IS NOT NULL AND cla IS NULL
	UNION ALL SELECT row_no, upn, 'child in need ''' || cin_text || ''' is not Y or N' FROM stage_pupils WHERE cin_text IS NOT NULL AND child_in_need IS NULL
	UNION ALL SELECT row_no, upn, 'child protection plan ''' || cpp_text || ''' is not Y or N' FROM stage_pupils WHERE cpp_text IS NOT NULL AND child_protection_plan IS NULL
	UNION ALL SELECT row_no, upn, 'young carer ''' || young_carer_text || ''' is not Y or N' FROM stage_pupils WHERE young_carer_text IS NOT NULL AND young_carer IS NULL
	UNION ALL SELECT row_no, upn, 'admission date ''' || admission_text || ''' is not a date' FROM stage_pupils WHERE admission_text IS NOT NULL AND admission_date IS NULL
	UNION ALL SELECT row_no, upn, 'leaving date ''' || leaving_text || ''' is not a date' FROM stage_pupils WHERE leaving_text IS NOT NULL AND leaving_date IS NULL
	UNION ALL SELECT row_no, upn, 'school URN ''' || coalesce(urn_text, '') || ''' is not in the warehouse'
	FROM stage_pupils s WHERE (urn_text IS NOT NULL OR admission_text IS NOT NULL OR leaving_text IS NOT NULL)
		AND (school_urn IS NULL OR NOT EXISTS (SELECT 1 FROM schools WHERE urn = s.school_urn))
);
