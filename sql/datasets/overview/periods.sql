-- Overview, periods: attendance, authorised and unauthorised absence, persistent and severe absence and
-- days missed per pupil by half-term, by term and by academic year, for the chosen academic year and the two
-- before it, each with the national figure for the same period and phase where one is published.
-- Grain: grain ('half_term' | 'term' | 'year' | 'year_to_date') × academic year × period. 'year_to_date' rows
-- come only for the two earlier years and only while the chosen year is under way (the register of the
-- school(s) in scope, or $to, stops before 1 July): the earlier year up to the same date, so that "this
-- year against last year" compares like with like.
-- Units: pupils are pupil enrolments (school × pupil) with a possible session in the period, as
-- pupil_absence and the CLI summary count them; sessions; every *_rate and *_percent is a fraction
-- (0.931 = 93.1%), national ones included; days_missed_per_pupil = absent sessions / 2 / pupils (days);
-- start_date / end_date: the first and last day in the period with a possible session.
-- Parameters: the dashboard filters ($from, $to, $school, $year_start, $year_group, $cohort_dimension,
-- $cohort_value); $grains: the grains wanted, comma-separated ('half_term' or 'term,year,year_to_date'), or
-- NULL for all. Year k (k = 0 the chosen year, 1 and 2 the years before) covers its academic year
-- clipped to $from..$to moved back k years (all of each year unless From/To narrow the chosen one). Each
-- year reads the pupil-days through filtered_pupil_days with its own first day, so a year group filter means that
-- year's year group (Year 7 in 2023/24 is that year's Year 7s).
-- Rules: absent = authorised + unauthorised; every rate is built once from summed parts. Persistent and severe:
-- is_persistent, is_severe (sql/rules/absence_thresholds.sql), per pupil over the period itself (pupil_absence's).
-- Half-terms come from half_terms() (sql/datasets/overview/half_terms.sql: imported term dates, else inferred
-- from the register), each school's marks by its own calendar; a term is its half-terms; a year is every
-- mark of the year, so marks on days outside every half-term count in the year only. The trust
-- ($school NULL) groups its schools' half-terms by name.
-- National: national_benchmarks, England, period = the academic year label; time_identifier 'Full academic
-- year' for a year, '<Term> term' ('Autumn term') for a term, none for half-terms; only when the period
-- is covered whole (From/To do not cut into it). school_type: school_type_of the school(s) in scope (all
-- 'Primary' → 'State-funded primary', all 'Secondary' → 'State-funded secondary', else 'State-funded
-- primary secondary and special'; the figures: benchmark_figures, sql/rules/benchmarks.sql). Breakdown
-- 'Total' / 'All pupils'; with an FSM or SEN cohort filter the 'FSM eligibility' / 'SEN provision' figure
-- for that group; with a year group or any other cohort filter there is no national figure for the group,
-- so none is given. Missing figures are NULL, never borrowed from another period or phase; national_source
-- and national_period say which release and period, national_school_type which school type was looked for
-- (on every row, found or not). national_period ends with the last day the published period covers
-- ('2024/25, autumn term, to 31 Dec 2024'). Imported figures (a newer release) stand over shipped ones
-- (benchmark_rows). la_*: the same for the local authority of the school(s) in scope (la_of), where imported
-- figures name its LA (schools.la_code = area_code).
WITH
-- the chosen year's last marked day (the register's last day, or the end of the chosen dates): while it is
-- before 1 July the year is under way
chosen_last AS (
	SELECT least(max(last_mark_date), least($year_start::DATE + INTERVAL 1 YEAR - INTERVAL 1 DAY, $to::DATE)::DATE) AS last_day
	FROM enrolments
	WHERE ($school::INTEGER IS NULL OR school_urn = $school::INTEGER) AND first_mark_date <= $to::DATE
),
windows AS (
	SELECT k, academic_year_label(year_start) AS academic_year, year_start,
		greatest(year_start, ($from::DATE - k * INTERVAL 1 YEAR)::DATE) AS window_from,
		least((year_start + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE, ($to::DATE - k * INTERVAL 1 YEAR)::DATE) AS window_to,
		(year_start + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE AS year_end,
		CASE WHEN k > 0 AND c.last_day < $year_start::DATE + INTERVAL 10 MONTH THEN (c.last_day - k * INTERVAL 1 YEAR)::DATE END AS to_date_end
	FROM (SELECT k::INTEGER AS k, ($year_start::DATE - k * INTERVAL 1 YEAR)::DATE AS year_start FROM range(3) r(k)), chosen_last c
),
calendar AS (
	SELECT * FROM half_terms(($year_start::DATE - INTERVAL 2 YEAR)::DATE, $year_start::DATE, $school::INTEGER)
),
calendar_days AS (
	SELECT school_urn, half_term_number,
		unnest(generate_series(start_date, end_date, INTERVAL 1 DAY))::DATE AS date
	FROM calendar
),
-- Each school's weeks, by the days with marks: a week whose marked days all fall in one window, one
-- half-term (or none) and one side of the year-to-date cut-off is read from pupil_week_totals; the others
-- (few: where a half-term, a window or the cut-off begins mid-week) day by day from pupil_day_totals.
school_weeks AS (
	SELECT t.school_urn, date_trunc('week', t.date)::DATE AS week,
		min(w.k) AS k, count(*) FILTER (WHERE w.k IS NULL) = 0 AND min(w.k) = max(w.k)
			AND min(coalesce(d.half_term_number, 0)) = max(coalesce(d.half_term_number, 0))
			AND bool_and(coalesce(t.date <= w.to_date_end, false)) = bool_or(coalesce(t.date <= w.to_date_end, false)) AS whole,
		nullif(min(coalesce(d.half_term_number, 0)), 0) AS half_term_number,
		bool_and(coalesce(t.date <= w.to_date_end, false)) AS to_date
	FROM school_day_totals t
	LEFT JOIN windows w ON t.date BETWEEN w.window_from AND w.window_to
	LEFT JOIN calendar_days d ON d.school_urn = t.school_urn AND d.date = t.date
	WHERE t.date BETWEEN (greatest($year_start::DATE - INTERVAL 2 YEAR, $from::DATE - INTERVAL 2 YEAR)::DATE - INTERVAL 6 DAY)::DATE AND (least($year_start::DATE + INTERVAL 1 YEAR - INTERVAL 1 DAY, $to::DATE)::DATE + INTERVAL 6 DAY)::DATE
		AND ($school::INTEGER IS NULL OR t.school_urn = $school::INTEGER)
	GROUP BY ALL
),
split_days AS (
	SELECT t.school_urn, t.date
	FROM school_day_totals t
	JOIN school_weeks sw ON sw.school_urn = t.school_urn AND sw.week = date_trunc('week', t.date)::DATE AND NOT sw.whole
	WHERE t.date BETWEEN (greatest($year_start::DATE - INTERVAL 2 YEAR, $from::DATE - INTERVAL 2 YEAR)::DATE - INTERVAL 6 DAY)::DATE AND (least($year_start::DATE + INTERVAL 1 YEAR - INTERVAL 1 DAY, $to::DATE)::DATE + INTERVAL 6 DAY)::DATE
),
-- the pupils each year's filters select (year group and cohort as of the year's first day), when filtered
filtered AS (
	SELECT w.k, f.pupil_id
	FROM windows w, LATERAL (SELECT pupil_id FROM filtered_pupils(w.window_from, year_group := $year_group::VARCHAR,
		cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)) f
	WHERE NOT ($year_group::VARCHAR IS NULL AND $cohort_dimension::VARCHAR IS NULL)
),
day_rows AS (
	SELECT * FROM (
		SELECT 0 AS k, school_urn, pupil_id, date, possible, authorised, unauthorised
		FROM filtered_pupil_days(
			greatest($year_start::DATE, $from::DATE)::DATE,
			least($year_start::DATE + INTERVAL 1 YEAR - INTERVAL 1 DAY, $to::DATE)::DATE,
			$school::INTEGER, year_group := $year_group::VARCHAR,
			cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
		UNION ALL
		SELECT 1, school_urn, pupil_id, date, possible, authorised, unauthorised
		FROM filtered_pupil_days(
			greatest($year_start::DATE - INTERVAL 1 YEAR, $from::DATE - INTERVAL 1 YEAR)::DATE,
			least($year_start::DATE - INTERVAL 1 DAY, $to::DATE - INTERVAL 1 YEAR)::DATE,
			$school::INTEGER, year_group := $year_group::VARCHAR,
			cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
		UNION ALL
		SELECT 2, school_urn, pupil_id, date, possible, authorised, unauthorised
		FROM filtered_pupil_days(
			greatest($year_start::DATE - INTERVAL 2 YEAR, $from::DATE - INTERVAL 2 YEAR)::DATE,
			least($year_start::DATE - INTERVAL 1 YEAR - INTERVAL 1 DAY, $to::DATE - INTERVAL 2 YEAR)::DATE,
			$school::INTEGER, year_group := $year_group::VARCHAR,
			cohort_dimension := $cohort_dimension::VARCHAR, cohort_value := $cohort_value::VARCHAR)
	
	) m
	SEMI JOIN split_days s ON s.school_urn = m.school_urn AND s.date = m.date
),
spans AS (
	SELECT sw.k, w.school_urn, w.pupil_id, sw.half_term_number, sw.to_date, w.possible, w.authorised, w.unauthorised,
		w.first_possible AS first_day, w.last_possible AS last_day
	FROM pupil_week_totals w
	JOIN school_weeks sw ON sw.school_urn = w.school_urn AND sw.week = w.week AND sw.whole
	WHERE w.week BETWEEN (greatest($year_start::DATE - INTERVAL 2 YEAR, $from::DATE - INTERVAL 2 YEAR)::DATE - INTERVAL 6 DAY)::DATE AND least($year_start::DATE + INTERVAL 1 YEAR - INTERVAL 1 DAY, $to::DATE)::DATE
		AND ($school::INTEGER IS NULL OR w.school_urn = $school::INTEGER)
		AND (($year_group::VARCHAR IS NULL AND $cohort_dimension::VARCHAR IS NULL)
			OR (sw.k, w.pupil_id) IN (SELECT k, pupil_id FROM filtered))
	UNION ALL
	SELECT m.k, m.school_urn, m.pupil_id, d.half_term_number, coalesce(m.date <= w.to_date_end, false),
		m.possible, m.authorised, m.unauthorised,
		CASE WHEN m.possible > 0 THEN m.date END, CASE WHEN m.possible > 0 THEN m.date END
	FROM day_rows m
	JOIN windows w ON w.k = m.k
	LEFT JOIN calendar_days d ON d.school_urn = m.school_urn AND d.date = m.date
),
-- one pass over the marks: per pupil, per half-term (NULL: a day in no half-term), split at the
-- year-to-date cut-off (the chosen year's last day moved back k years, while the chosen year is under way)
pupil_blocks AS MATERIALIZED (
	SELECT k, school_urn, pupil_id, half_term_number, to_date,
		sum(possible)::INTEGER AS possible,
		sum(authorised)::INTEGER AS authorised,
		sum(unauthorised)::INTEGER AS unauthorised,
		min(first_day) AS first_day,
		max(last_day) AS last_day
	FROM spans
	GROUP BY ALL
),
-- the half-term of each school and earlier year that the year-to-date cut-off falls in (the only one it splits)
cut_half_terms AS (
	SELECT c.school_urn, w.k, c.half_term_number
	FROM calendar c JOIN windows w ON w.year_start = c.year_start
	WHERE w.to_date_end BETWEEN c.start_date AND c.end_date
),
pupil_half_terms AS (
	-- the two sides of the cut-off put together where it splits a half-term, then the half-terms' names
	SELECT b.k, c.term, c.half_term, b.school_urn, b.pupil_id, b.possible, b.authorised, b.unauthorised, b.first_day, b.last_day
	FROM (
		SELECT k, school_urn, pupil_id, half_term_number, possible, authorised, unauthorised, first_day, last_day
		FROM pupil_blocks b
		WHERE half_term_number IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM cut_half_terms x
				WHERE x.school_urn = b.school_urn AND x.k = b.k AND x.half_term_number = b.half_term_number)
		UNION ALL
		SELECT b.k, b.school_urn, b.pupil_id, b.half_term_number, sum(b.possible), sum(b.authorised), sum(b.unauthorised),
			min(b.first_day), max(b.last_day)
		FROM pupil_blocks b
		SEMI JOIN cut_half_terms x ON x.school_urn = b.school_urn AND x.k = b.k AND x.half_term_number = b.half_term_number
		GROUP BY b.k, b.school_urn, b.pupil_id, b.half_term_number
	) b
	JOIN windows w ON w.k = b.k
	JOIN calendar c ON c.school_urn = b.school_urn AND c.year_start = w.year_start AND c.half_term_number = b.half_term_number
),
pupil_periods AS (
	SELECT 'half_term' AS grain, k, term, half_term AS label, school_urn, pupil_id, possible, authorised, unauthorised, first_day, last_day
	FROM pupil_half_terms
	UNION ALL
	SELECT 'term', k, term, term, school_urn, pupil_id, sum(possible), sum(authorised), sum(unauthorised), min(first_day), max(last_day)
	FROM pupil_half_terms
	GROUP BY k, term, school_urn, pupil_id
	UNION ALL
	SELECT 'year', k, NULL, NULL, school_urn, pupil_id, sum(possible), sum(authorised), sum(unauthorised), min(first_day), max(last_day)
	FROM pupil_blocks
	GROUP BY k, school_urn, pupil_id
	UNION ALL
	SELECT 'year_to_date', k, NULL, NULL, school_urn, pupil_id, sum(possible), sum(authorised), sum(unauthorised), min(first_day), max(last_day)
	FROM pupil_blocks WHERE to_date
	GROUP BY k, school_urn, pupil_id
),
periods AS (
	SELECT grain, k, term, label,
		count(*)::INTEGER AS pupils,
		sum(possible)::BIGINT AS possible_sessions,
		sum(authorised)::BIGINT AS authorised_sessions,
		sum(unauthorised)::BIGINT AS unauthorised_sessions,
		count(*) FILTER (WHERE is_persistent(authorised + unauthorised, possible))::INTEGER AS persistent_pupils,
		count(*) FILTER (WHERE is_severe(authorised + unauthorised, possible))::INTEGER AS severe_pupils,
		min(first_day) AS start_date,
		max(last_day) AS end_date
	FROM pupil_periods
	WHERE possible > 0
	GROUP BY grain, k, term, label
),
-- where each half-term's dates came from, and the calendar's bounds of each half-term and term (for
-- "is the period covered whole")
calendar_periods AS (
	SELECT 'half_term' AS grain, academic_year, half_term AS label, min(start_date) AS calendar_start, max(end_date) AS calendar_end,
		string_agg(DISTINCT source, ' and ' ORDER BY source) AS calendar
	FROM calendar GROUP BY academic_year, half_term
	UNION ALL
	SELECT 'term', academic_year, term, min(start_date), max(end_date), string_agg(DISTINCT source, ' and ' ORDER BY source)
	FROM calendar GROUP BY academic_year, term
	UNION ALL
	SELECT 'year', academic_year, NULL, NULL, NULL, string_agg(DISTINCT source, ' and ' ORDER BY source)
	FROM calendar GROUP BY academic_year
),
-- the school type and local authority of the school(s) in scope (school_type_of, la_of) and the published
-- figures for them (benchmark_figures: sql/rules/benchmarks.sql), for the breakdown the filters ask for, by period
scope AS (
	SELECT school_type_of(phase) AS school_type, la_of(la_code) AS la_code
	FROM schools
	WHERE $school::INTEGER IS NULL OR urn = $school::INTEGER
),
breakdown AS (
	SELECT CASE
			WHEN $year_group::VARCHAR IS NOT NULL THEN NULL
			WHEN $cohort_dimension::VARCHAR IS NULL THEN 'Total'
			WHEN $cohort_dimension::VARCHAR = 'fsm' THEN 'FSM eligibility'
			WHEN $cohort_dimension::VARCHAR = 'sen' THEN 'SEN provision'
		END AS breakdown,
		CASE WHEN $cohort_dimension::VARCHAR IS NULL THEN 'All pupils' ELSE $cohort_value::VARCHAR END AS breakdown_value
),
figures AS (
	SELECT n.place, n.period, n.time_identifier,
		max(n.value) FILTER (WHERE n.measure = 'overall_absence_rate') AS overall,
		max(n.value) FILTER (WHERE n.measure = 'authorised_absence_rate') AS authorised,
		max(n.value) FILTER (WHERE n.measure = 'unauthorised_absence_rate') AS unauthorised,
		max(n.value) FILTER (WHERE n.measure = 'persistent_absence_percent') AS persistent,
		max(n.value) FILTER (WHERE n.measure = 'severe_absence_percent') AS severe,
		string_agg(DISTINCT n.source, '; ' ORDER BY n.source) AS source,
		max(n.area) AS area,
		max(n.period_end) AS period_end
	FROM scope s, breakdown b, benchmark_figures(s.la_code, s.school_type) n
	WHERE n.breakdown = b.breakdown AND n.breakdown_value = b.breakdown_value
	GROUP BY n.place, n.period, n.time_identifier
),
labelled AS (
	SELECT p.*, w.academic_year, w.year_start,
		coalesce(p.label, w.academic_year) AS period_label,
		c.calendar, c.calendar_start,
		CASE
			WHEN p.grain = 'year' AND w.window_from = w.year_start AND w.window_to = w.year_end THEN 'Full academic year'
			WHEN p.grain = 'term' AND w.window_from <= c.calendar_start AND w.window_to >= c.calendar_end THEN p.term || ' term'
		END AS time_identifier
	FROM periods p
	JOIN windows w USING (k)
	LEFT JOIN calendar_periods c ON c.grain = CASE WHEN p.grain = 'year_to_date' THEN 'year' ELSE p.grain END
		AND c.academic_year = w.academic_year AND c.label IS NOT DISTINCT FROM p.label
)
SELECT
	l.grain,
	l.academic_year,
	l.period_label AS label,
	l.term,
	l.start_date,
	l.end_date,
	l.pupils,
	l.possible_sessions,
	(l.authorised_sessions + l.unauthorised_sessions)::BIGINT AS absent_sessions,
	l.authorised_sessions,
	l.unauthorised_sessions,
	1 - (l.authorised_sessions + l.unauthorised_sessions)::DOUBLE / l.possible_sessions AS attendance_rate,
	(l.authorised_sessions + l.unauthorised_sessions)::DOUBLE / l.possible_sessions AS overall_absence_rate,
	l.authorised_sessions::DOUBLE / l.possible_sessions AS authorised_absence_rate,
	l.unauthorised_sessions::DOUBLE / l.possible_sessions AS unauthorised_absence_rate,
	l.persistent_pupils,
	l.severe_pupils,
	l.persistent_pupils::DOUBLE / l.pupils AS persistent_percent,
	l.severe_pupils::DOUBLE / l.pupils AS severe_percent,
	(l.authorised_sessions + l.unauthorised_sessions)::DOUBLE / 2 / l.pupils AS days_missed_per_pupil,
	l.calendar,
	n.overall AS national_overall_absence_rate,
	n.authorised AS national_authorised_absence_rate,
	n.unauthorised AS national_unauthorised_absence_rate,
	n.persistent AS national_persistent_percent,
	n.severe AS national_severe_percent,
	n.source AS national_source,
	CASE WHEN n.period IS NOT NULL THEN n.period || ', ' || lower(n.time_identifier) || ', to ' || strftime(n.period_end, '%-d %b %Y') END AS national_period,
	sc.school_type AS national_school_type,
	la.overall AS la_overall_absence_rate,
	la.authorised AS la_authorised_absence_rate,
	la.unauthorised AS la_unauthorised_absence_rate,
	la.persistent AS la_persistent_percent,
	la.severe AS la_severe_percent,
	la.source AS la_source,
	CASE WHEN la.period IS NOT NULL THEN la.period || ', ' || lower(la.time_identifier) || ', to ' || strftime(la.period_end, '%-d %b %Y') END AS la_period,
	la.area AS la_area
FROM labelled l
CROSS JOIN scope sc
LEFT JOIN figures n ON n.place = 'national' AND n.period = l.academic_year AND n.time_identifier = l.time_identifier
LEFT JOIN figures la ON la.place = 'la' AND la.period = l.academic_year AND la.time_identifier = l.time_identifier
WHERE $grains::VARCHAR IS NULL OR list_contains(string_split($grains::VARCHAR, ','), l.grain)
ORDER BY l.year_start, CASE l.grain WHEN 'half_term' THEN 1 WHEN 'term' THEN 2 WHEN 'year' THEN 3 ELSE 4 END,
	l.calendar_start NULLS LAST, l.period_label;
