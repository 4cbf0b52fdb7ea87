-- Reads a Parquet export back (the folder in the variable parquet_dir: SET VARIABLE parquet_dir = '…') as
-- views with the warehouse's table names and columns, so that sql/schema/003_macros.sql,
-- 005_cohort_macros.sql, every sql/rules/*.sql file and then every sql/measures/*.sql file run on it
-- unchanged (DuckDB; the same SQL on Spark or BigQuery over the same files). marks_export keeps the export's
-- own columns (academic_year, la, category…).
-- codes as the warehouse's ENUM again, so that they sort in the national table's order
CREATE TYPE attendance_code AS ENUM (
	SELECT code FROM read_parquet(getvariable('parquet_dir') || '/codes.parquet') ORDER BY code_order);
CREATE OR REPLACE VIEW marks_export AS
SELECT * FROM read_parquet(getvariable('parquet_dir') || '/marks/*/*/*.parquet', hive_partitioning = true,
	hive_types = {'academic_year': VARCHAR, 'la': VARCHAR});
CREATE OR REPLACE VIEW marks AS
SELECT school_urn, pupil_id, date, session, code::attendance_code AS code, minutes_late, import_id FROM marks_export;
CREATE OR REPLACE VIEW pupil_day_totals AS
SELECT * EXCLUDE (academic_year, la) FROM read_parquet(getvariable('parquet_dir') || '/pupil_day_totals/*/*/*.parquet',
	hive_partitioning = true, hive_types = {'academic_year': VARCHAR, 'la': VARCHAR});
CREATE OR REPLACE VIEW pupil_week_totals AS
SELECT * EXCLUDE (academic_year, la) FROM read_parquet(getvariable('parquet_dir') || '/pupil_week_totals/*/*/*.parquet',
	hive_partitioning = true, hive_types = {'academic_year': VARCHAR, 'la': VARCHAR});
CREATE OR REPLACE VIEW school_code_totals AS
SELECT school_urn, date, session, code::attendance_code AS code, sessions
FROM read_parquet(getvariable('parquet_dir') || '/school_code_totals/*/*/*.parquet', hive_partitioning = true,
	hive_types = {'academic_year': VARCHAR, 'la': VARCHAR});
CREATE OR REPLACE VIEW school_day_totals AS SELECT * FROM read_parquet(getvariable('parquet_dir') || '/school_day_totals.parquet');
CREATE OR REPLACE VIEW pupils AS SELECT * FROM read_parquet(getvariable('parquet_dir') || '/pupils.parquet');
CREATE OR REPLACE VIEW schools AS SELECT * FROM read_parquet(getvariable('parquet_dir') || '/schools.parquet');
CREATE OR REPLACE VIEW codes AS
SELECT code::attendance_code AS code, * EXCLUDE (code, code_order) FROM read_parquet(getvariable('parquet_dir') || '/codes.parquet');
CREATE OR REPLACE VIEW term_dates AS SELECT * FROM read_parquet(getvariable('parquet_dir') || '/term_dates.parquet');
CREATE OR REPLACE VIEW enrolments AS SELECT * FROM read_parquet(getvariable('parquet_dir') || '/enrolments.parquet');
