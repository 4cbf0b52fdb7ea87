-- The account behind a live session.
SELECT u.user_id, u.name, u.role, u.schools, u.pupil_access, s.expires_at
FROM sessions s JOIN users u USING (user_id)
WHERE s.token_hash = $token_hash AND s.expires_at > $now::TIMESTAMP;
