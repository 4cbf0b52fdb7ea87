-- half_terms(date_from, date_to, school): the half-term calendar of each school (school NULL: every school)
-- for every academic year the inclusive range touches, whole years. Grain: school × academic year ×
-- half-term. Columns: school_urn, academic_year ('2024/25'), year_start (1 September), term ('Autumn',
-- 'Spring', 'Summer'), half_term ('Autumn 1'), half_term_number (1, 2, … by start date within the year),
-- start_date, end_date (inclusive DATEs), source ('imported' | 'inferred').
-- Rule, per school and academic year: the school's own term_dates rows for the year; else the rows with
-- school_urn NULL (every school) for the year; else half-terms inferred from the register. Inferred: the
-- school's school days (school_days: dates on which any of its pupils has a session that counts in possible
-- sessions, whatever the dashboard's pupil filters) split wherever the gap to the next school day is 7 days or more.
-- Inferred blocks are named by their position in the academic year (Autumn 1, Autumn 2, Spring 1, Spring 2,
-- Summer 1, Summer 2) when the year has six, or fewer because the register stops during the year (the
-- school's last marked date falls in the year, before 1 July, and the first block starts in September);
-- otherwise 'Half-term 1', 'Half-term 2', … in the term of the month each starts in (September–December
-- Autumn, January–March Spring, April–August Summer).
-- A measure every view can use (the Overview's periods do); the warehouse creates it on opening.
CREATE OR REPLACE MACRO half_terms(date_from, date_to, school) AS TABLE
WITH years AS (
	SELECT unnest(generate_series(academic_year_start(date_from::DATE), academic_year_start(date_to::DATE), INTERVAL 1 YEAR))::DATE AS year_start
),
scope AS (
	SELECT s.urn AS school_urn, y.year_start, academic_year_label(y.year_start) AS academic_year
	FROM schools s CROSS JOIN years y
	WHERE school IS NULL OR s.urn = school
),
imported AS (
	SELECT sc.school_urn, sc.academic_year, sc.year_start, t.term, t.half_term, t.start_date, t.end_date
	FROM scope sc
	JOIN term_dates t ON t.academic_year = sc.academic_year
	WHERE t.school_urn = sc.school_urn
		OR (t.school_urn IS NULL AND NOT EXISTS (
			SELECT 1 FROM term_dates own WHERE own.school_urn = sc.school_urn AND own.academic_year = sc.academic_year))
),
-- the school days of the school-years that have no imported half-terms (none at all when every year has them)
uncovered AS (
	SELECT sc.school_urn, sc.year_start, (sc.year_start + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE AS year_end
	FROM scope sc
	WHERE NOT EXISTS (SELECT 1 FROM imported i WHERE i.school_urn = sc.school_urn AND i.year_start = sc.year_start)
),
uncovered_days AS (
	SELECT m.school_urn, m.date, u.year_start
	FROM school_days(academic_year_start(date_from::DATE),
		(academic_year_start(date_to::DATE) + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE, school) m
	JOIN uncovered u ON u.school_urn = m.school_urn AND m.date BETWEEN u.year_start AND u.year_end
),
runs AS (
	SELECT school_urn, year_start, date,
		1 + sum(CASE WHEN date - previous >= 7 THEN 1 ELSE 0 END) OVER (PARTITION BY school_urn, year_start ORDER BY date) AS block
	FROM (SELECT *, lag(date) OVER (PARTITION BY school_urn, year_start ORDER BY date) AS previous FROM uncovered_days)
),
blocks AS (
	SELECT school_urn, year_start, block::INTEGER AS block, min(date) AS start_date, max(date) AS end_date,
		count(*) OVER (PARTITION BY school_urn, year_start) AS blocks,
		min(min(date)) OVER (PARTITION BY school_urn, year_start) AS first_day
	FROM runs
	GROUP BY school_urn, year_start, block
),
register_end AS (
	SELECT school_urn, max(last_mark_date) AS last_day FROM enrolments GROUP BY school_urn
),
inferred AS (
	SELECT b.school_urn, academic_year_label(b.year_start) AS academic_year, b.year_start,
		CASE WHEN by_position THEN ['Autumn', 'Autumn', 'Spring', 'Spring', 'Summer', 'Summer'][b.block]
			WHEN month(b.start_date) >= 9 THEN 'Autumn' WHEN month(b.start_date) <= 3 THEN 'Spring' ELSE 'Summer' END AS term,
		CASE WHEN by_position THEN ['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2'][b.block]
			ELSE 'Half-term ' || b.block END AS half_term,
		b.start_date, b.end_date
	FROM (
		SELECT b.*,
			b.blocks = 6 OR (b.blocks < 6 AND month(b.first_day) = 9
				AND e.last_day BETWEEN b.year_start AND b.year_start + INTERVAL 10 MONTH - INTERVAL 1 DAY) AS by_position
		FROM blocks b LEFT JOIN register_end e USING (school_urn)
	) b
)
SELECT school_urn, academic_year, year_start, term, half_term,
	row_number() OVER (PARTITION BY school_urn, year_start ORDER BY start_date)::INTEGER AS half_term_number,
	start_date, end_date, source
FROM (
	SELECT *, 'imported' AS source FROM imported
	UNION ALL
	SELECT *, 'inferred' AS source FROM inferred
);
