INSERT INTO audit_log VALUES (nextval('audit_id_seq'), $now::TIMESTAMP, $user_name, $role, $action, $target, $ip);
