-- The pupil with the most marks (the pupil page's datasets are timed for them).
SELECT p.upn FROM pupils p JOIN (SELECT pupil_id, count(*) AS n FROM marks GROUP BY pupil_id ORDER BY n DESC, pupil_id LIMIT 1) m USING (pupil_id);
