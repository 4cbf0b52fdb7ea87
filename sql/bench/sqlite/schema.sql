-- The SQLite baseline's schema: the warehouse's tables with the indexes a web developer would add
-- (marks by school and date, and by pupil and date).
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE marks (school_urn INTEGER NOT NULL, pupil_id INTEGER NOT NULL, date TEXT NOT NULL, session TEXT NOT NULL,
	code TEXT NOT NULL, minutes_late INTEGER, import_id INTEGER NOT NULL);
CREATE TABLE codes (code TEXT PRIMARY KEY, category TEXT NOT NULL, counts_in_possible INTEGER NOT NULL);
CREATE TABLE pupils (pupil_id INTEGER PRIMARY KEY, upn TEXT NOT NULL UNIQUE, date_of_birth TEXT, sex TEXT, year_group TEXT,
	form TEXT, fsm INTEGER, pupil_premium INTEGER, sen TEXT, eal INTEGER, ethnicity TEXT, cla INTEGER);
CREATE TABLE term_dates (school_urn INTEGER, academic_year TEXT NOT NULL, term TEXT NOT NULL, half_term TEXT NOT NULL,
	start_date TEXT NOT NULL, end_date TEXT NOT NULL);
