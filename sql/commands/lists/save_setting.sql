-- Saves one setting of a list for a school (or the trust, school NULL), by $saved_by (a user name, or 'cli').
INSERT INTO list_settings (school_urn, list, param, value, saved_at, saved_by)
VALUES ($school::INTEGER, $list, $param, $value, $saved_at::TIMESTAMP, $saved_by::VARCHAR);
