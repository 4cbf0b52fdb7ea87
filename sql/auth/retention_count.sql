-- The dry run: what a purge would delete, by table and academic year (of the session; of the import's
-- start for import records). Run after retention_expired on the same connection.
SELECT 'marks' AS "table", academic_year_label(m.date) AS academic_year, count(*)::INTEGER AS entries
FROM marks m SEMI JOIN retention_expired x USING (school_urn, pupil_id, date, session)
GROUP BY ALL
UNION ALL
SELECT 'mark_history', academic_year_label(h.date), count(*)::INTEGER
FROM mark_history h SEMI JOIN retention_expired x USING (school_urn, pupil_id, date, session)
GROUP BY ALL
UNION ALL
SELECT 'imports', academic_year_label(i.started_at::DATE), count(*)::INTEGER
FROM imports i SEMI JOIN retention_imports r USING (import_id)
GROUP BY ALL
ORDER BY 1, 2;
