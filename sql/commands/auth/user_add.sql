-- Adds a sign-in account ($schools: URNs comma-separated, NULL for every school).
INSERT INTO users
VALUES (nextval('user_id_seq'), $name, $role, $schools, $pupil_access, $password_hash, $now::TIMESTAMP, $now::TIMESTAMP)
RETURNING user_id;
