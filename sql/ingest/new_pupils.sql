-- Adds the pupils a validated register (stage_marks) names that the warehouse does not hold yet, their
-- ids in UPN order. Parameter: $import_id.
INSERT INTO pupils (pupil_id, upn, updated_by_import)
SELECT nextval('pupil_id_seq'), upn, $import_id
FROM (
	SELECT upn FROM (SELECT DISTINCT upn FROM stage_marks) s
	WHERE NOT EXISTS (SELECT 1 FROM pupils p WHERE p.upn = s.upn)
	ORDER BY upn
);
