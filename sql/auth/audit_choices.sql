-- The users and actions the audit log holds (for its filters).
SELECT 'user' AS kind, user_name AS value FROM audit_log GROUP BY user_name
UNION ALL
SELECT 'action', action FROM audit_log GROUP BY action
ORDER BY kind, value;
