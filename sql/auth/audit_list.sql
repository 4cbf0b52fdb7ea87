-- The audit log, newest first, narrowed by user, action and dates (inclusive), a page at a time.
SELECT audit_id, logged_at, user_name, role, action, target, ip, count(*) OVER ()::INTEGER AS total
FROM audit_log
WHERE ($user_name IS NULL OR user_name = $user_name)
	AND ($action IS NULL OR action = $action)
	AND ($from IS NULL OR logged_at >= $from::DATE)
	AND ($to IS NULL OR logged_at < $to::DATE + INTERVAL 1 DAY)
ORDER BY logged_at DESC, audit_id DESC
LIMIT $limit OFFSET $offset;
