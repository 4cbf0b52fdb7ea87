-- Failed sign-ins for a name from an address since a time: how many, and the oldest.
SELECT count(*)::INTEGER AS failures, min(failed_at) AS oldest
FROM login_failures
WHERE name = $name AND ip = $ip AND failed_at > $since::TIMESTAMP;
