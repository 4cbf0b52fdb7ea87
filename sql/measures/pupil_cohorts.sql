-- pupil_cohorts(on_date): each pupil's group in every cohort dimension the dashboards break down by,
-- as of on_date. Grain: pupil × dimension. value is the label shown and used in filters; sort_key
-- orders the values of a dimension.
-- Year group is the national curriculum year in the academic year of on_date, from the date of birth
-- (the 1 September cut-off) where it is known, else the year group the pupils file gave.
-- Ethnicity is the DfE major group of the extended code (White, Mixed, Asian, Black, Chinese, Any other
-- ethnic group, Unclassified). SEN: N no SEN, K SEN support, E EHC plan.
CREATE OR REPLACE MACRO pupil_cohorts(on_date) AS TABLE
WITH years AS (
	SELECT p.*,
		CASE
			WHEN p.date_of_birth IS NOT NULL THEN
				(year(academic_year_start(on_date)) - year(p.date_of_birth)
					- CASE WHEN month(p.date_of_birth) >= 9 THEN 1 ELSE 0 END - 4)::VARCHAR
			ELSE p.year_group
		END AS ncy
	FROM pupils p
)
SELECT y.pupil_id, d.dimension, d.value, d.sort_key
FROM years y,
LATERAL (VALUES
	('year_group',
		CASE WHEN y.ncy IN ('R', '0') THEN 'Reception' WHEN y.ncy = 'N1' OR y.ncy = '-2' THEN 'Nursery 1'
			WHEN y.ncy = 'N2' OR y.ncy = '-1' THEN 'Nursery 2'
			WHEN try_cast(y.ncy AS INTEGER) BETWEEN 1 AND 14 THEN 'Year ' || y.ncy::INTEGER END,
		CASE WHEN y.ncy IN ('R', '0') THEN 0 WHEN y.ncy IN ('N1', '-2') THEN -2 WHEN y.ncy IN ('N2', '-1') THEN -1
			ELSE try_cast(y.ncy AS INTEGER) END),
	('sex', CASE y.sex WHEN 'F' THEN 'Female' WHEN 'M' THEN 'Male' END, CASE y.sex WHEN 'F' THEN 1 ELSE 2 END),
	('fsm', CASE WHEN y.fsm THEN 'FSM eligible' WHEN NOT y.fsm THEN 'Not FSM eligible' END, CASE WHEN y.fsm THEN 1 ELSE 2 END),
	('pupil_premium', CASE WHEN y.pupil_premium THEN 'Pupil premium' WHEN NOT y.pupil_premium THEN 'Not pupil premium' END,
		CASE WHEN y.pupil_premium THEN 1 ELSE 2 END),
	('sen', CASE y.sen WHEN 'N' THEN 'No SEN' WHEN 'K' THEN 'SEN support' WHEN 'E' THEN 'EHC plan' END,
		CASE y.sen WHEN 'N' THEN 1 WHEN 'K' THEN 2 ELSE 3 END),
	('eal', CASE WHEN y.eal THEN 'EAL' WHEN NOT y.eal THEN 'Not EAL' END, CASE WHEN y.eal THEN 1 ELSE 2 END),
	('ethnicity', ethnic_major_group(y.ethnicity),
		CASE ethnic_major_group(y.ethnicity) WHEN 'White' THEN 1 WHEN 'Mixed' THEN 2 WHEN 'Asian' THEN 3 WHEN 'Black' THEN 4
			WHEN 'Chinese' THEN 5 WHEN 'Any other ethnic group' THEN 6 ELSE 7 END),
	('cla', CASE WHEN y.cla THEN 'Looked after' WHEN NOT y.cla THEN 'Not looked after' END, CASE WHEN y.cla THEN 1 ELSE 2 END)
) d(dimension, value, sort_key)
WHERE d.value IS NOT NULL;
