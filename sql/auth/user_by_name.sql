SELECT user_id, name, role, schools, pupil_access, password_hash FROM users WHERE name = $name;
