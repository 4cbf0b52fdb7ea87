-- Overview, save_target: records a new attendance target for $school (NULL: the trust), $target_percent as
-- a percentage (96 = 96%; server/targets.ts checks it is from 50 to 100), set at $set_at by $set_by (a user
-- name, or 'cli'). A new row each time, so school_targets keeps the history; the latest row counts.
-- Returns the row.
INSERT INTO school_targets (school_urn, attendance_target_percent, set_at, set_by)
VALUES ($school::INTEGER, $target_percent::DOUBLE, $set_at::TIMESTAMP, $set_by::VARCHAR)
RETURNING school_urn, attendance_target_percent, set_at, set_by;
