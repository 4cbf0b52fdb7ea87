-- Parquet export: the pupils with the characteristics the measures break down by (pupil_cohorts), keyed
-- by pupil_id as the marks are. Names are left out: no measure needs them.
COPY (
	SELECT pupil_id, upn, date_of_birth, sex, year_group, form, fsm, pupil_premium, sen::VARCHAR AS sen, eal, ethnicity,
		cla, child_in_need, child_protection_plan, young_carer
	FROM pupils
	ORDER BY pupil_id
) TO $path (FORMAT parquet, COMPRESSION zstd);
