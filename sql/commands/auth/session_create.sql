-- A new session (the token's hash only); expired sessions are cleared on the way.
DELETE FROM sessions WHERE expires_at <= $now::TIMESTAMP;
INSERT INTO sessions VALUES ($token_hash, $user_id, $now::TIMESTAMP, $expires_at::TIMESTAMP, $ip) RETURNING expires_at;
