-- The school-days a validated register (stage_marks) has marks on, and their extent, which bounds the
-- marks the merge reads (zone maps skip the rest). {{table}} {{stage}}: where to keep them (TEMP TABLE temp, or
-- TABLE and the database a long register is staged in: read_long.sql).
CREATE OR REPLACE {{table}} {{stage}}.stage_school_dates AS
SELECT DISTINCT school_urn, date FROM stage_marks;

SELECT min(school_urn) AS urn_from, max(school_urn) AS urn_to,
	strftime(min(date), '%Y-%m-%d') AS date_from, strftime(max(date), '%Y-%m-%d') AS date_to
FROM {{stage}}.stage_school_dates;
