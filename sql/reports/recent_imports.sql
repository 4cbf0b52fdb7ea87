-- The latest imports, newest first.
SELECT import_id, file_name, kind, rows_read, added, amended, unchanged,
	strftime(finished_at, '%Y-%m-%d %H:%M') AS finished_at
FROM imports
WHERE status = 'loaded'
ORDER BY import_id DESC
LIMIT $limit;
