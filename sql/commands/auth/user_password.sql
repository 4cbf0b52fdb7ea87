-- Sets an account's password and signs it out everywhere.
DELETE FROM sessions WHERE user_id IN (SELECT user_id FROM users WHERE name = $name);
UPDATE users SET password_hash = $password_hash, password_changed_at = $now::TIMESTAMP WHERE name = $name RETURNING user_id;
