-- Sign-in accounts, their sessions and failed sign-ins (for rate limiting). Passwords are stored only
-- as argon2id hashes; a session is a random token held by the browser, stored here only as its SHA-256.

CREATE TABLE users (
	user_id INTEGER PRIMARY KEY,
	name VARCHAR NOT NULL UNIQUE,
	role VARCHAR NOT NULL CHECK (role IN ('governor', 'slt', 'officer', 'trust', 'admin')),
	-- the schools (URNs) the user may see, comma-separated; NULL: every school
	schools VARCHAR,
	pupil_access BOOLEAN NOT NULL DEFAULT false,
	password_hash VARCHAR NOT NULL,
	created_at TIMESTAMP NOT NULL,
	password_changed_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE user_id_seq START 1;

CREATE TABLE sessions (
	token_hash VARCHAR PRIMARY KEY,
	user_id INTEGER NOT NULL,
	created_at TIMESTAMP NOT NULL,
	expires_at TIMESTAMP NOT NULL,
	ip VARCHAR
);

-- One row per failed sign-in; cleared for the name and address by a successful one.
CREATE TABLE login_failures (
	name VARCHAR NOT NULL,
	ip VARCHAR NOT NULL,
	failed_at TIMESTAMP NOT NULL
);
