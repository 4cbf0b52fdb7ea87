-- Upserts stage_interventions: an intervention is one pupil × type × start date; a later file with
-- the same key updates its end, review, target, notes and staff. Returns added / amended / unchanged.
INSERT INTO pupils (pupil_id, upn, updated_by_import)
SELECT nextval('pupil_id_seq'), upn, $import_id
FROM (SELECT DISTINCT upn FROM stage_interventions ORDER BY upn) s
WHERE NOT EXISTS (SELECT 1 FROM pupils p WHERE p.upn = s.upn);

CREATE OR REPLACE TEMP TABLE stage_intervention_diff AS
SELECT s.*, p.pupil_id, i.intervention_id,
	CASE WHEN i.intervention_id IS NULL THEN 'added'
		WHEN (s.end_date, s.review_date, s.target, s.notes, s.staff, s.school_urn)
			IS DISTINCT FROM (i.end_date, i.review_date, i.target, i.notes, i.staff, i.school_urn) THEN 'amended'
		ELSE 'unchanged' END AS outcome
FROM (SELECT DISTINCT ON (upn, type, start_date) * FROM stage_interventions ORDER BY upn, type, start_date, row_no DESC) s
JOIN pupils p ON p.upn = s.upn
LEFT JOIN interventions i ON i.pupil_id = p.pupil_id AND i.type = s.type AND i.start_date = s.start_date;

INSERT INTO interventions
SELECT nextval('intervention_id_seq'), school_urn, pupil_id, type, start_date, end_date, review_date, target, notes, staff, $import_id
FROM stage_intervention_diff WHERE outcome = 'added';

UPDATE interventions SET end_date = d.end_date, review_date = d.review_date, target = d.target, notes = d.notes,
	staff = d.staff, school_urn = d.school_urn, import_id = $import_id
FROM stage_intervention_diff d
WHERE d.outcome = 'amended' AND interventions.intervention_id = d.intervention_id;

SELECT
	count(*) FILTER (WHERE outcome = 'added')::INTEGER AS added,
	count(*) FILTER (WHERE outcome = 'amended')::INTEGER AS amended,
	count(*) FILTER (WHERE outcome = 'unchanged')::INTEGER AS unchanged
FROM stage_intervention_diff;
