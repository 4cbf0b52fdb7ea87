INSERT INTO settings VALUES ($key, $value, $now::TIMESTAMP, $saved_by);
