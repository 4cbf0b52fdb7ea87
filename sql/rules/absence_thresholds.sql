-- The DfE's absence thresholds, the only place they are written. A pupil is persistently absent when they
-- miss 10% or more of their possible sessions, severely absent at 50% or more. Compared as integers
-- (absent x 10 >= possible), never as rounded rates, so a pupil on exactly 10% is counted.
-- absent: authorised + unauthorised sessions (code_flags.sql); possible: possible sessions. A pupil with no
-- possible session is neither (the DfE counts only pupils with one; the measures and lists leave the others
-- out before asking, so the guard changes no count).
CREATE OR REPLACE MACRO is_persistent(absent, possible) AS possible > 0 AND absent * 10 >= possible;
CREATE OR REPLACE MACRO is_severe(absent, possible) AS possible > 0 AND absent * 2 >= possible;
