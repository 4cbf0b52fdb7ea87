DELETE FROM login_failures WHERE failed_at < $forget_before::TIMESTAMP;
INSERT INTO login_failures VALUES ($name, $ip, $now::TIMESTAMP);
