-- An earlier import of a file with the same content (SHA-256), if any.
SELECT import_id, file_name, strftime(finished_at, '%Y-%m-%d %H:%M') AS finished_at
FROM imports
WHERE sha256 = $sha256 AND status = 'loaded'
ORDER BY import_id
LIMIT 1;
