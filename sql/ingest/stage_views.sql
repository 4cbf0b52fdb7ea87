-- A long register staged by read_long.sql in the database {{stage}}, as stage_marks (the name the checks
-- and the merge read; a register checked as text has it as a temp table), row_no in file order.
CREATE OR REPLACE TEMP VIEW stage_marks AS
SELECT rowid AS row_no, upn, school_urn, date, session, code, minutes_late, reason, author, bad FROM {{stage}}.stage_typed;
