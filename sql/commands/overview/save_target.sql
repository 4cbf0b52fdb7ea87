-- Overview, save_target: records a new attendance target for $school (NULL: the trust), $target_percent as
-- a percentage (96 = 96%; the page's form action checks it is above 0 and at most 100), set at $set_at.
-- A new row each time, so school_targets keeps the history; the latest row counts. Returns the row.
INSERT INTO school_targets (school_urn, attendance_target_percent, set_at)
VALUES ($school::INTEGER, $target_percent::DOUBLE, $set_at::TIMESTAMP)
RETURNING school_urn, attendance_target_percent, set_at;
