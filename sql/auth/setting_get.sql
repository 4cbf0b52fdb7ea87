-- A setting's current value (the newest row of its key), or no row.
SELECT value, saved_at, saved_by FROM settings WHERE key = $key ORDER BY saved_at DESC LIMIT 1;
