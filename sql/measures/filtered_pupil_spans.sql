-- filtered_pupil_spans(date_from, date_to, school, [year_group, cohort_dimension, cohort_value]): the session
-- counts of the pupil-days filtered_pupil_days selects, in fewer rows: the weeks lying wholly in the range
-- from pupil_week_totals, the days of the partial weeks at its ends from pupil_day_totals. For measures that
-- sum over the whole range (no per-day breakdown); the pupils the filters select (filtered_pupil_rows).
-- Grain: school × pupil × (week or day), not unique.
CREATE OR REPLACE MACRO filtered_pupil_spans(date_from, date_to, school, year_group := NULL, cohort_dimension := NULL,
	cohort_value := NULL) AS TABLE
WITH spans AS (
	-- whole weeks: from the first Monday on or after date_from to the last Monday whose week ends by date_to
	SELECT w.school_urn, w.pupil_id, w.sessions, w.possible, w.present, w.aea, w.authorised, w.unauthorised, w.missing,
		w.illness, w.late, w.late_after_close
	FROM pupil_week_totals w
	WHERE w.week BETWEEN date_trunc('week', date_from::DATE + INTERVAL 6 DAY)::DATE
			AND (date_trunc('week', date_to::DATE + INTERVAL 1 DAY) - INTERVAL 7 DAY)::DATE
		AND (school IS NULL OR w.school_urn = school)
	UNION ALL
	-- the days before the first whole week, and those after the last (each a plain range: zone maps skip the rest)
	SELECT d.school_urn, d.pupil_id, d.sessions, d.possible, d.present, d.aea, d.authorised, d.unauthorised, d.missing,
		d.illness, d.late, d.late_after_close
	FROM pupil_day_totals d
	WHERE d.date BETWEEN date_from AND least(date_to::DATE, (date_trunc('week', date_from::DATE + INTERVAL 6 DAY) - INTERVAL 1 DAY)::DATE)
		AND (school IS NULL OR d.school_urn = school)
	UNION ALL
	SELECT d.school_urn, d.pupil_id, d.sessions, d.possible, d.present, d.aea, d.authorised, d.unauthorised, d.missing,
		d.illness, d.late, d.late_after_close
	FROM pupil_day_totals d
	WHERE d.date BETWEEN greatest(date_from::DATE, date_trunc('week', date_to::DATE + INTERVAL 1 DAY)::DATE) AND date_to
		AND d.date > (date_trunc('week', date_from::DATE + INTERVAL 6 DAY) - INTERVAL 1 DAY)::DATE
		AND (school IS NULL OR d.school_urn = school)
)
SELECT * FROM filtered_pupil_rows('spans', date_from, year_group := year_group, cohort_dimension := cohort_dimension,
	cohort_value := cohort_value);
