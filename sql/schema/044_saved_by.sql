-- Who saved each attendance target and each list setting: the signed-in user's name, or 'cli' (NULL for
-- rows saved before this was recorded). The audit log holds the same changes, with role and address.
-- (IF NOT EXISTS: a warehouse may have had this as 043_saved_by.)
ALTER TABLE school_targets ADD COLUMN IF NOT EXISTS set_by VARCHAR;
ALTER TABLE list_settings ADD COLUMN IF NOT EXISTS saved_by VARCHAR;
