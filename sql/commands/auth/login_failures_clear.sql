DELETE FROM login_failures WHERE name = $name AND ip = $ip;
