-- Every account with its number of live sessions (never the password hash).
SELECT u.user_id, u.name, u.role, u.schools, u.pupil_access, u.created_at, u.password_changed_at,
	(SELECT count(*) FROM sessions s WHERE s.user_id = u.user_id AND s.expires_at > $now::TIMESTAMP)::INTEGER AS sessions
FROM users u
ORDER BY u.name;
