-- Upserts stage_pupils into pupils (and admission / leaving dates into enrolments). A field the file
-- does not carry ($has_<field> false) keeps the value held. Returns added / amended / unchanged.
CREATE OR REPLACE TEMP TABLE stage_pupil_diff AS
SELECT s.*, p.pupil_id AS held_id,
	CASE WHEN p.pupil_id IS NULL THEN 'added'
		WHEN ($has_forename AND s.forename IS DISTINCT FROM p.forename)
			OR ($has_surname AND s.surname IS DISTINCT FROM p.surname)
			OR ($has_dob AND s.date_of_birth IS DISTINCT FROM p.date_of_birth)
			OR ($has_sex AND s.sex IS DISTINCT FROM p.sex)
			OR ($has_year_group AND s.year_group IS DISTINCT FROM p.year_group)
			OR ($has_form AND s.form IS DISTINCT FROM p.form)
			OR ($has_fsm AND s.fsm IS DISTINCT FROM p.fsm)
			OR ($has_pupil_premium AND s.pupil_premium IS DISTINCT FROM p.pupil_premium)
			OR ($has_sen AND s.sen IS DISTINCT FROM p.sen)
			OR ($has_eal AND s.eal IS DISTINCT FROM p.eal)
			OR ($has_ethnicity AND s.ethnicity IS DISTINCT FROM p.ethnicity)
			OR ($has_cla AND s.cla IS DISTINCT FROM p.cla)
			OR ($has_cin AND s.child_in_need IS DISTINCT FROM p.child_in_need)
			OR ($has_cpp AND s.child_protection_plan IS DISTINCT FROM p.child_protection_plan)
			OR ($has_young_carer AND s.young_carer IS DISTINCT FROM p.young_carer)
		THEN 'amended' ELSE 'unchanged' END AS outcome
FROM stage_pupils s LEFT JOIN pupils p ON p.upn = s.upn;

INSERT INTO pupils (pupil_id, upn) SELECT nextval('pupil_id_seq'), upn FROM stage_pupil_diff WHERE outcome = 'added';

UPDATE pupils SET
	forename = CASE WHEN $has_forename THEN d.forename ELSE pupils.forename END,
	surname = CASE WHEN $has_surname THEN d.surname ELSE pupils.surname END,
	date_of_birth = CASE WHEN $has_dob THEN d.date_of_birth ELSE pupils.date_of_birth END,
	sex = CASE WHEN $has_sex THEN d.sex ELSE pupils.sex END,
	year_group = CASE WHEN $has_year_group THEN d.year_group ELSE pupils.year_group END,
	form = CASE WHEN $has_form THEN d.form ELSE pupils.form END,
	fsm = CASE WHEN $has_fsm THEN d.fsm ELSE pupils.fsm END,
	pupil_premium = CASE WHEN $has_pupil_premium THEN d.pupil_premium ELSE pupils.pupil_premium END,
	sen = CASE WHEN $has_sen THEN d.sen ELSE pupils.sen END,
	eal = CASE WHEN $has_eal THEN d.eal ELSE pupils.eal END,
	ethnicity = CASE WHEN $has_ethnicity THEN d.ethnicity ELSE pupils.ethnicity END,
	cla = CASE WHEN $has_cla THEN d.cla ELSE pupils.cla END,
	child_in_need = CASE WHEN $has_cin THEN d.child_in_need ELSE pupils.child_in_need END,
	child_protection_plan = CASE WHEN $has_cpp THEN d.child_protection_plan ELSE pupils.child_protection_plan END,
	young_carer = CASE WHEN $has_young_carer THEN d.young_carer ELSE pupils.young_carer END,
	updated_by_import = $import_id
FROM stage_pupil_diff d
WHERE pupils.upn = d.upn AND d.outcome <> 'unchanged';

INSERT INTO enrolments (school_urn, pupil_id, admission_date, leaving_date)
SELECT d.school_urn, p.pupil_id, d.admission_date, d.leaving_date
FROM stage_pupil_diff d JOIN pupils p ON p.upn = d.upn
WHERE d.school_urn IS NOT NULL
ON CONFLICT DO UPDATE SET
	admission_date = coalesce(excluded.admission_date, enrolments.admission_date),
	leaving_date = coalesce(excluded.leaving_date, enrolments.leaving_date);

SELECT
	count(*) FILTER (WHERE outcome = 'added')::INTEGER AS added,
	count(*) FILTER (WHERE outcome = 'amended')::INTEGER AS amended,
	count(*) FILTER (WHERE outcome = 'unchanged')::INTEGER AS unchanged
FROM stage_pupil_diff;
