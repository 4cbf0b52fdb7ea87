-- Each pupil's time on a school's roll: the admission and leaving dates an export gave, else the first
-- and last marked dates (inferred_start / inferred_end say which).
CREATE VIEW enrolment_spans AS
SELECT
	school_urn,
	pupil_id,
	coalesce(admission_date, first_mark_date) AS start_date,
	coalesce(leaving_date, last_mark_date) AS end_date,
	admission_date IS NULL AS inferred_start,
	leaving_date IS NULL AS inferred_end
FROM enrolments;
