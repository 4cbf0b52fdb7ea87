-- Who opened which pupil's data and who exported what (and other actions worth a trace: purges,
-- user changes). Never updated; rows are only added.
CREATE TABLE audit_log (
	audit_id BIGINT PRIMARY KEY,
	logged_at TIMESTAMP NOT NULL,
	user_name VARCHAR NOT NULL, -- 'cli' for the command line
	role VARCHAR,
	action VARCHAR NOT NULL,
	target VARCHAR,
	ip VARCHAR
);

CREATE SEQUENCE audit_id_seq START 1;

-- Warehouse-wide settings (the retention period, whether this is the demo). The newest row of a key wins;
-- earlier rows stay as the history.
CREATE TABLE settings (
	key VARCHAR NOT NULL,
	value VARCHAR NOT NULL,
	saved_at TIMESTAMP NOT NULL,
	saved_by VARCHAR
);
