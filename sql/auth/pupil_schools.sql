-- The schools a pupil (by UPN) is or was on the roll of: no row when the pupil is not in the warehouse,
-- one row with a NULL school when the pupil is on no school's roll.
SELECT DISTINCT e.school_urn FROM pupils p LEFT JOIN enrolments e USING (pupil_id) WHERE p.upn = $upn;
