-- A sign-in attempt for $name from $ip, counted before its password is checked, so that however many
-- arrive at once at most $max are checked in a window: it is recorded as a failure, unless $max failures
-- since $since already stand, when nothing is recorded and no row comes back (locked out). A sign-in that
-- succeeds then clears the name and address's rows (login_failures_clear). Rows older than $forget_before go.
DELETE FROM login_failures WHERE failed_at < $forget_before::TIMESTAMP;
INSERT INTO login_failures
SELECT $name::VARCHAR, $ip::VARCHAR, $now::TIMESTAMP
WHERE (SELECT count(*) FROM login_failures WHERE name = $name::VARCHAR AND ip = $ip::VARCHAR AND failed_at > $since::TIMESTAMP) < $max::INTEGER
RETURNING failed_at;
