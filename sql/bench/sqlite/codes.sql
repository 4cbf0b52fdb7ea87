-- reports/codes (code_usage) by hand for SQLite.
SELECT code, count(*) AS sessions
FROM marks
WHERE date BETWEEN $from AND $to
GROUP BY code
ORDER BY code;
