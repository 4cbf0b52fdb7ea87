-- Replaces the dates of each half-term the file lists (school × academic year × half-term).
CREATE OR REPLACE TEMP TABLE stage_term_diff AS
SELECT s.*, CASE WHEN t.half_term IS NULL THEN 'added'
		WHEN (t.term, t.start_date, t.end_date) IS DISTINCT FROM (s.term, s.start_date, s.end_date) THEN 'amended'
		ELSE 'unchanged' END AS outcome
FROM stage_term_dates s
LEFT JOIN term_dates t ON t.school_urn IS NOT DISTINCT FROM s.school_urn
	AND t.academic_year = s.academic_year AND t.half_term = s.half_term;

DELETE FROM term_dates USING stage_term_diff d
WHERE d.outcome = 'amended' AND term_dates.school_urn IS NOT DISTINCT FROM d.school_urn
	AND term_dates.academic_year = d.academic_year AND term_dates.half_term = d.half_term;

INSERT INTO term_dates
SELECT school_urn, academic_year, term, half_term, start_date, end_date, $import_id
FROM stage_term_diff WHERE outcome <> 'unchanged';

SELECT
	count(*) FILTER (WHERE outcome = 'added')::INTEGER AS added,
	count(*) FILTER (WHERE outcome = 'amended')::INTEGER AS amended,
	count(*) FILTER (WHERE outcome = 'unchanged')::INTEGER AS unchanged
FROM stage_term_diff;
