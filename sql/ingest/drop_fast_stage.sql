-- Before a register read fast (read_long.sql) is read again as text to name its problems.
DROP VIEW IF EXISTS stage_marks;
