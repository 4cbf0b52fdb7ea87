-- code_flags(): what each attendance code counts as, the only place a code becomes a count. One row per code
-- of the national code table (codes: sql/schema/001_codes.sql, which gives each code its category and whether
-- it counts in possible sessions), each flag a BOOLEAN:
--   possible: counts in possible sessions (every category but not_possible: D X Q Y Y1-Y7 Z #);
--   present: / \ L; aea: approved educational activity (K V P W B, pre-2024 J); attended: present or aea;
--   authorised, unauthorised: the absence categories; absent: either (absence = authorised + unauthorised);
--   missing: G N O (unauthorised absence, U left out: the pupil was seen); illness: I;
--   late: L (late before registers closed: present); late_after_close: U (after registers closed: unauthorised).
-- category is the code's category as the table gives it. Join it on code: JOIN code_flags() f ON f.code = m.code.
-- code_table names the table of codes only so that the rule can be made before the migrations have made that
-- table (DuckDB binds a macro when it is created, a table named by a parameter when the macro is called); the
-- rules are loaded first because sql/schema/040_pre_aggregates.sql builds on them.
CREATE OR REPLACE MACRO code_flags(code_table := 'codes') AS TABLE
SELECT
	code,
	category,
	counts_in_possible AS possible,
	category = 'present' AS present,
	category = 'aea' AS aea,
	category IN ('present', 'aea') AS attended,
	category = 'authorised' AS authorised,
	category = 'unauthorised' AS unauthorised,
	category IN ('authorised', 'unauthorised') AS absent,
	code IN ('G', 'N', 'O') AS missing,
	code = 'I' AS illness,
	code = 'L' AS late,
	code = 'U' AS late_after_close
FROM query_table(code_table);
