-- Records an import as it starts (inside its transaction) and returns its id.
INSERT INTO imports (import_id, file_name, sha256, kind, school_urn, status, started_at)
VALUES (nextval('import_id_seq'), $file_name, $sha256, $kind, $school::INTEGER, 'loading', $started_at::TIMESTAMP)
RETURNING import_id;
