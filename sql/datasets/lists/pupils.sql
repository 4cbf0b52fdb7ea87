-- Lists, pupils: what a casework list shows beside each UPN, and the cohort filter of the list pages.
-- Pupil-level data (names). Grain: one row per pupil named in $upns (a comma-separated list of UPNs the
-- endpoint took from the list's own rows, never from the request; NULL: every pupil) who is in the chosen year group and
-- cohort as of $on; a pupil of a list not returned here is filtered out of it.
-- Year group and cohorts are pupil_cohorts($on): the year group in the academic year of $on (from the date
-- of birth where known), so last week's list keeps last week's groups. sort_name: 'Surname, Forename'.
-- Flags: fsm, pupil_premium, sen (N no SEN, K SEN support, E EHC plan), looked_after (CLA), child_in_need,
-- child_protection_plan, young_carer, as the latest pupils file gave them (NULL: not given).
-- Parameters: $upns, $on, $year_group ('Year 7' or NULL), $cohort_dimension / $cohort_value (or NULL).
WITH wanted AS (
	SELECT DISTINCT trim(u) AS upn FROM unnest(string_split($upns::VARCHAR, ',')) AS t(u) WHERE trim(u) <> ''
),
cohorts AS (
	SELECT pupil_id, dimension, value, sort_key FROM pupil_cohorts($on::DATE)
)
SELECT
	p.upn,
	nullif(concat_ws(' ', p.forename, p.surname), '') AS name,
	nullif(concat_ws(', ', p.surname, p.forename), '') AS sort_name,
	yg.value AS year_group,
	yg.sort_key::INTEGER AS year_group_order,
	p.form,
	p.fsm,
	p.pupil_premium,
	p.sen::VARCHAR AS sen,
	p.cla AS looked_after,
	p.child_in_need,
	p.child_protection_plan,
	p.young_carer
FROM pupils p
LEFT JOIN cohorts yg ON yg.pupil_id = p.pupil_id AND yg.dimension = 'year_group'
WHERE ($upns::VARCHAR IS NULL OR p.upn IN (SELECT upn FROM wanted))
	AND ($year_group::VARCHAR IS NULL OR yg.value = $year_group::VARCHAR)
	AND ($cohort_dimension::VARCHAR IS NULL OR p.pupil_id IN (
		SELECT pupil_id FROM cohorts WHERE dimension = $cohort_dimension::VARCHAR AND value = $cohort_value::VARCHAR))
ORDER BY p.upn;
