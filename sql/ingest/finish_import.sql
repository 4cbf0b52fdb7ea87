-- Completes an import's record with its counts.
UPDATE imports SET
	status = 'loaded',
	rows_read = $rows_read,
	added = $added,
	amended = $amended,
	unchanged = $unchanged,
	rejected = 0,
	message = $message,
	finished_at = $finished_at::TIMESTAMP
WHERE import_id = $import_id;
