-- Each school's own settings of a casework list (band cut-offs, thresholds…): school_urn NULL is the
-- trust's setting, a school's own overrides it, the newest row wins; earlier rows stay as the history.
CREATE TABLE list_settings (
	school_urn INTEGER,
	list VARCHAR NOT NULL,
	param VARCHAR NOT NULL,
	value VARCHAR NOT NULL,
	saved_at TIMESTAMP NOT NULL
);
