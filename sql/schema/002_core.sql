-- The warehouse: schools, pupils and their register marks, with the history of every amendment.
-- Dates are DATE; codes are the attendance_code ENUM (001_codes.sql); pupils are referred to by a
-- small integer pupil_id so that millions of marks do not repeat 13-character UPNs.

CREATE TYPE register_session AS ENUM ('AM', 'PM');

CREATE TYPE sen_provision AS ENUM ('N', 'K', 'E');

CREATE TABLE schools (
	urn INTEGER PRIMARY KEY,
	name VARCHAR,
	la_code VARCHAR,
	estab VARCHAR,
	phase VARCHAR
);

-- One row per pupil, by UPN (unique nationally). Characteristics are the latest imported.
CREATE TABLE pupils (
	pupil_id INTEGER PRIMARY KEY,
	upn VARCHAR NOT NULL UNIQUE,
	forename VARCHAR,
	surname VARCHAR,
	date_of_birth DATE,
	sex VARCHAR,
	year_group VARCHAR,
	form VARCHAR,
	fsm BOOLEAN,
	pupil_premium BOOLEAN,
	sen sen_provision,
	eal BOOLEAN,
	ethnicity VARCHAR,
	cla BOOLEAN,
	child_in_need BOOLEAN,
	child_protection_plan BOOLEAN,
	young_carer BOOLEAN,
	updated_by_import INTEGER
);

CREATE SEQUENCE pupil_id_seq START 1;

-- Every file that landed in the warehouse (a rejected file leaves no trace here).
CREATE TABLE imports (
	import_id INTEGER PRIMARY KEY,
	file_name VARCHAR NOT NULL,
	sha256 VARCHAR NOT NULL,
	kind VARCHAR,
	school_urn INTEGER,
	rows_read INTEGER,
	added INTEGER,
	amended INTEGER,
	unchanged INTEGER,
	rejected INTEGER,
	status VARCHAR NOT NULL,
	message VARCHAR,
	started_at TIMESTAMP NOT NULL,
	finished_at TIMESTAMP
);

CREATE SEQUENCE import_id_seq START 1;

-- Admission and leaving dates where an export gives them; first and last marked dates always.
CREATE TABLE enrolments (
	school_urn INTEGER NOT NULL,
	pupil_id INTEGER NOT NULL,
	admission_date DATE,
	leaving_date DATE,
	first_mark_date DATE,
	last_mark_date DATE,
	PRIMARY KEY (school_urn, pupil_id)
);

-- The current mark of each pupil-session. (school_urn, pupil_id, date, session) is unique: the import
-- merge keeps it so (a unique index would cost more than it gives at 100M rows).
CREATE TABLE marks (
	school_urn INTEGER NOT NULL,
	pupil_id INTEGER NOT NULL,
	date DATE NOT NULL,
	session register_session NOT NULL,
	code attendance_code NOT NULL,
	minutes_late SMALLINT,
	import_id INTEGER NOT NULL
);

-- One row per amendment: the mark as it was (previous_code, from previous_import_id) and as it became.
-- With marks.import_id this is the whole life of every mark: the first row's previous_code is the
-- mark as first recorded.
CREATE TABLE mark_history (
	school_urn INTEGER NOT NULL,
	pupil_id INTEGER NOT NULL,
	date DATE NOT NULL,
	session register_session NOT NULL,
	previous_code attendance_code NOT NULL,
	previous_minutes_late SMALLINT,
	previous_import_id INTEGER NOT NULL,
	new_code attendance_code NOT NULL,
	new_minutes_late SMALLINT,
	import_id INTEGER NOT NULL,
	changed_at TIMESTAMP NOT NULL,
	reason VARCHAR,
	author VARCHAR
);

CREATE TABLE term_dates (
	school_urn INTEGER, -- NULL: applies to every school
	academic_year VARCHAR NOT NULL,
	term VARCHAR NOT NULL,
	half_term VARCHAR NOT NULL,
	start_date DATE NOT NULL,
	end_date DATE NOT NULL,
	import_id INTEGER
);

CREATE TABLE interventions (
	intervention_id INTEGER PRIMARY KEY,
	school_urn INTEGER,
	pupil_id INTEGER NOT NULL,
	type VARCHAR NOT NULL,
	start_date DATE NOT NULL,
	end_date DATE,
	review_date DATE,
	target VARCHAR,
	notes VARCHAR,
	staff VARCHAR,
	import_id INTEGER
);

CREATE SEQUENCE intervention_id_seq START 1;
