-- Upserts stage_schools: a field left empty keeps the value held.
CREATE OR REPLACE TEMP TABLE stage_school_diff AS
SELECT s.*, CASE WHEN h.urn IS NULL THEN 'added'
		WHEN (coalesce(s.name, h.name), coalesce(s.la_code, h.la_code), coalesce(s.estab, h.estab), coalesce(s.phase, h.phase))
			IS DISTINCT FROM (h.name, h.la_code, h.estab, h.phase) THEN 'amended'
		ELSE 'unchanged' END AS outcome
FROM stage_schools s LEFT JOIN schools h ON h.urn = s.urn;

INSERT INTO schools (urn, name, la_code, estab, phase)
SELECT urn, name, la_code, estab, phase FROM stage_school_diff WHERE outcome <> 'unchanged'
ON CONFLICT DO UPDATE SET
	name = coalesce(excluded.name, schools.name),
	la_code = coalesce(excluded.la_code, schools.la_code),
	estab = coalesce(excluded.estab, schools.estab),
	phase = coalesce(excluded.phase, schools.phase);

SELECT
	count(*) FILTER (WHERE outcome = 'added')::INTEGER AS added,
	count(*) FILTER (WHERE outcome = 'amended')::INTEGER AS amended,
	count(*) FILTER (WHERE outcome = 'unchanged')::INTEGER AS unchanged
FROM stage_school_diff;
