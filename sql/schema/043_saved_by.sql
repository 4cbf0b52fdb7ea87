-- Who saved each attendance target and each list setting: the signed-in user's name, or 'cli' (NULL for
-- rows saved before this was recorded). The audit log holds the same changes, with role and address.
ALTER TABLE school_targets ADD COLUMN set_by VARCHAR;
ALTER TABLE list_settings ADD COLUMN saved_by VARCHAR;
