-- list bands: each pupil's attendance this academic year (1 September to $on) in the bands school
-- attendance policies use, with the movement since the last half-term. Attendance = (present + approved
-- educational activity) / possible sessions, compared exactly (DECIMAL cut-offs, never rounded rates):
-- top: >= $band_high (0.97); expected: >= $band_mid (0.95); at risk: above $band_low (0.90);
-- persistent: at or below $band_low (90% or below = 10%+ absence, the DfE's persistent absence);
-- severe: 50%+ absence (is_severe: sql/rules/absence_thresholds.sql; absent = possible - attended). Schools set
-- their own cut-offs (94%, 95%, 96%, 97%).
-- Movement: the band as of compared_to = $since, else the day before the current half-term began
-- (list_terms); none when the school has no marks this year up to then. Lowest attendance first.
-- Params: $on, $school, $band_high, $band_mid, $band_low, $since.
-- Only pupils on roll on $on (on_roll: sql/rules/on_roll.sql); a leaver drops off the list after leaving.
CREATE OR REPLACE TEMP MACRO list_pct(x) AS regexp_replace((x::DECIMAL(6, 4) * 100)::VARCHAR, '\.?0+$', '');

CREATE OR REPLACE TEMP MACRO list_band(attended, possible, high, mid, low) AS
	CASE WHEN is_severe(possible - attended, possible) THEN 5
		WHEN attended <= low::DECIMAL(6, 4) * possible THEN 4
		WHEN attended < mid::DECIMAL(6, 4) * possible THEN 3
		WHEN attended < high::DECIMAL(6, 4) * possible THEN 2
		ELSE 1 END;

WITH terms AS (SELECT * FROM list_terms($school::INTEGER)),
compare AS (
	SELECT s.urn AS school_urn,
		CASE WHEN c.d >= academic_year_start($on::DATE) AND EXISTS (SELECT 1 FROM school_day_totals m
			WHERE m.school_urn = s.urn AND m.date BETWEEN academic_year_start($on::DATE) AND c.d) THEN c.d END AS compared_to
	FROM schools s,
		LATERAL (SELECT coalesce($since::DATE,
			(SELECT max(t.start_date) FROM terms t WHERE t.school_urn = s.urn AND t.start_date <= $on::DATE) - 1) AS d) c
	WHERE $school::INTEGER IS NULL OR s.urn = $school::INTEGER
),
-- the year so far from whole weeks and the partial weeks' days (filtered_pupil_spans); the sessions since the
-- compared-to day (this half-term so far) by day, taken off to give the figures as of then
year_counts AS (
	SELECT school_urn, pupil_id, sum(possible)::INTEGER AS possible, sum(present + aea)::INTEGER AS attended
	FROM filtered_pupil_spans(academic_year_start($on::DATE), $on::DATE, $school::INTEGER)
	GROUP BY school_urn, pupil_id
	HAVING sum(possible) > 0
),
since_compared AS (
	SELECT d.school_urn, d.pupil_id, sum(d.possible)::INTEGER AS possible, sum(d.present + d.aea)::INTEGER AS attended
	FROM pupil_day_totals d
	JOIN compare c ON c.school_urn = d.school_urn AND d.date > c.compared_to
	WHERE d.date BETWEEN (SELECT min(compared_to) FROM compare) AND $on::DATE
	GROUP BY d.school_urn, d.pupil_id
),
counts AS (
	SELECT y.school_urn, y.pupil_id, c.compared_to, y.possible, y.attended,
		CASE WHEN c.compared_to IS NULL THEN 0 ELSE y.possible - coalesce(s.possible, 0) END AS prev_possible,
		CASE WHEN c.compared_to IS NULL THEN 0 ELSE y.attended - coalesce(s.attended, 0) END AS prev_attended
	FROM year_counts y
	JOIN compare c ON c.school_urn = y.school_urn
	LEFT JOIN since_compared s ON s.school_urn = y.school_urn AND s.pupil_id = y.pupil_id
),
bands(band_rank, band) AS (
	SELECT * FROM (VALUES
		(1, '>= ' || list_pct($band_high) || '%'),
		(2, list_pct($band_mid) || '-' || list_pct($band_high) || '%'),
		(3, list_pct($band_low) || '-' || list_pct($band_mid) || '% at risk'),
		(4, 'persistent'),
		(5, 'severe'))
),
ranked AS (
	SELECT *,
		list_band(attended, possible, $band_high, $band_mid, $band_low) AS band_rank,
		CASE WHEN prev_possible > 0 THEN list_band(prev_attended, prev_possible, $band_high, $band_mid, $band_low) END AS prev_rank
	FROM counts
)
SELECT
	p.upn,
	r.attended::DOUBLE / r.possible AS attendance_rate,
	b.band,
	r.possible AS possible_sessions,
	r.attended AS attended_sessions,
	r.possible - r.attended AS absent_sessions,
	r.prev_attended::DOUBLE / nullif(r.prev_possible, 0) AS previous_attendance_rate,
	pb.band AS previous_band,
	CASE WHEN r.compared_to IS NULL THEN NULL WHEN r.prev_rank IS NULL THEN 'new'
		WHEN r.band_rank < r.prev_rank THEN 'up' WHEN r.band_rank > r.prev_rank THEN 'down' ELSE 'same' END AS movement,
	r.compared_to,
	r.school_urn
FROM ranked r
JOIN bands b ON b.band_rank = r.band_rank
LEFT JOIN bands pb ON pb.band_rank = r.prev_rank
JOIN pupils p ON p.pupil_id = r.pupil_id
SEMI JOIN on_roll($on::DATE, school := $school::INTEGER) roll ON roll.school_urn = r.school_urn AND roll.pupil_id = r.pupil_id
ORDER BY attendance_rate, p.upn, r.school_urn;
