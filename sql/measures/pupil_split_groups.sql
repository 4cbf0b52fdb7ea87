-- pupil_split_groups(on_date, split): the group each pupil falls in when a chart is split by one cohort
-- dimension ('fsm', 'sen', … as pupil_cohorts has them, as of on_date), or 'All pupils' when split is NULL.
-- Pupils with no value in the dimension form 'Not recorded' (sort_key 99). Grain: pupil.
CREATE OR REPLACE MACRO pupil_split_groups(on_date, split) AS TABLE
SELECT
	p.pupil_id,
	CASE WHEN split IS NULL THEN 'All pupils' ELSE coalesce(g.value, 'Not recorded') END AS split_group,
	coalesce(g.sort_key, 99) AS split_sort
FROM pupils p
LEFT JOIN (SELECT pupil_id, value, sort_key FROM pupil_cohorts(on_date) WHERE dimension = split) g
	ON g.pupil_id = p.pupil_id;
