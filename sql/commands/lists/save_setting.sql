-- Saves one setting of a list for a school (or the trust, school NULL).
INSERT INTO list_settings VALUES ($school::INTEGER, $list, $param, $value, $saved_at::TIMESTAMP);
