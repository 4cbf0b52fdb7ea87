-- chosen_pupil(pupil_upn, on_date, [year_group, cohort_dimension, cohort_value]): the pupil a pupil page asks
-- for by UPN, when the dashboards' year group and cohort filters select them (filtered_pupils, their groups as
-- of on_date); no row otherwise. Grain: pupil (one row at most).
CREATE OR REPLACE MACRO chosen_pupil(pupil_upn, on_date, year_group := NULL, cohort_dimension := NULL, cohort_value := NULL) AS TABLE
SELECT f.pupil_id
FROM filtered_pupils(on_date, year_group := year_group, cohort_dimension := cohort_dimension, cohort_value := cohort_value) f
JOIN pupils p ON p.pupil_id = f.pupil_id
WHERE p.upn = pupil_upn;
