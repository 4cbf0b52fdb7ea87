-- Removes an account and signs it out everywhere.
DELETE FROM sessions WHERE user_id IN (SELECT user_id FROM users WHERE name = $name);
DELETE FROM users WHERE name = $name RETURNING user_id;
