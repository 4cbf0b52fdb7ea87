-- Impact history and outcome features (after impact/prepare): for every (school, start day) of an episode
-- and every pupil on roll then, possible and absent sessions in these windows of school days around
-- the start day s ($window = N):
--   recent: the 10 school days before s;  pre: the N school days before s;
--   term: the 65 school days (13 weeks, about a term) before the pre window;
--   year: the 190 school days (a school year) before that;
--   post: the N school days from s, stopping before the pupil's own first intervention when that
--   comes after s (a comparison pupil's days once treated are left out).
-- Each window's sessions are the difference of two running totals, each found by an ASOF join (the
-- pupil's last school day with marks on or before the window's end).
WITH bounds AS (
	SELECT r.*, unnest([
		r.s_day - $window::INTEGER - 65 - 190 - 1, r.s_day - $window::INTEGER - 65 - 1, r.s_day - $window::INTEGER - 1,
		r.s_day - 11, r.s_day - 1, least(r.s_day + $window::INTEGER - 1, r.cut_day - 1)
	]) AS bound, unnest([0, 1, 2, 3, 4, 5]) AS k
	FROM impact_rows r
),
totals AS (
	SELECT b.school_urn, b.s_day, b.pupil_id, b.treated_before, b.k,
		coalesce(p.cum_possible, 0) AS cp, coalesce(p.cum_absent, 0) AS ca
	FROM bounds b
	ASOF LEFT JOIN impact_pupil_days p
		ON p.school_urn = b.school_urn AND p.pupil_id = b.pupil_id AND b.bound >= p.day_no
),
wide AS (
	SELECT school_urn, s_day, pupil_id, any_value(treated_before) AS treated_before,
		max(cp) FILTER (WHERE k = 0) AS p0, max(ca) FILTER (WHERE k = 0) AS a0,
		max(cp) FILTER (WHERE k = 1) AS p1, max(ca) FILTER (WHERE k = 1) AS a1,
		max(cp) FILTER (WHERE k = 2) AS p2, max(ca) FILTER (WHERE k = 2) AS a2,
		max(cp) FILTER (WHERE k = 3) AS p3, max(ca) FILTER (WHERE k = 3) AS a3,
		max(cp) FILTER (WHERE k = 4) AS p4, max(ca) FILTER (WHERE k = 4) AS a4,
		max(cp) FILTER (WHERE k = 5) AS p5, max(ca) FILTER (WHERE k = 5) AS a5
	FROM totals GROUP BY school_urn, s_day, pupil_id
)
SELECT school_urn, s_day, pupil_id, treated_before,
	(p4 - p3)::INTEGER AS recent_possible, (a4 - a3)::INTEGER AS recent_absent,
	(p4 - p2)::INTEGER AS pre_possible, (a4 - a2)::INTEGER AS pre_absent,
	(p2 - p1)::INTEGER AS term_possible, (a2 - a1)::INTEGER AS term_absent,
	(p1 - p0)::INTEGER AS year_possible, (a1 - a0)::INTEGER AS year_absent,
	greatest(p5 - p4, 0)::INTEGER AS post_possible, greatest(a5 - a4, 0)::INTEGER AS post_absent
FROM wide
ORDER BY school_urn, s_day, pupil_id;
