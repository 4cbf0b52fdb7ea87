-- The first problems found in the staged file, in file order, and how many there are in all.
SELECT row_no, line, upn, reason, other_row, count(*) OVER ()::INTEGER AS total
FROM stage_problems
ORDER BY row_no NULLS FIRST, reason
LIMIT 30;
