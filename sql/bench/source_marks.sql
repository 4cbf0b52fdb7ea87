-- The marks as a web developer's SQLite schema would hold them (dates and codes as text), for the
-- SQLite baseline of the benchmark.
SELECT school_urn, pupil_id, strftime(date, '%Y-%m-%d') AS date, session::VARCHAR AS session, code::VARCHAR AS code,
	minutes_late::INTEGER AS minutes_late, import_id
FROM marks;
