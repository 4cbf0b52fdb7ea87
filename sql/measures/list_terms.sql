-- list_terms(school): the half-terms that apply to each school: its own term dates where it has any,
-- else those imported for every school (term_dates.school_urn NULL). Grain: school × half-term.
CREATE OR REPLACE MACRO list_terms(school) AS TABLE
SELECT s.urn AS school_urn, t.academic_year, t.term, t.half_term, t.start_date, t.end_date
FROM schools s
JOIN term_dates t ON t.school_urn = s.urn
	OR (t.school_urn IS NULL AND NOT EXISTS (SELECT 1 FROM term_dates o WHERE o.school_urn = s.urn))
WHERE school IS NULL OR s.urn = school;
