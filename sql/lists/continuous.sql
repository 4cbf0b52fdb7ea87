-- list continuous: continuous and long absence needing a referral, this academic year up to $on.
-- 'missing': the current run of $missing_days (10) or more consecutive school days of unauthorised absence
-- (every possible session G, N or O; U means the pupil was seen), the point at which schools make a
-- child-missing-education referral ("Working together to improve school attendance", DfE 2024; "Children
-- missing education", DfE 2024). The run is ongoing: it reaches the school's latest school day up to $on.
-- 'illness': $illness_days (15) or more days of illness (I sessions / 2) this academic year, consecutive or
-- not, when the local authority must be told ("Arranging education for children who cannot attend school
-- because of health needs", DfE 2023). School days from list_school_days.
-- action: a 'missing' run of $removal_days (20) or more calls for the removal-from-roll and missing-education
-- checks (Regulations 2024, reg. 9: 20 school days' continuous unauthorised absence after reasonable enquiries).
-- Columns: upn, reason, start_date (run start / first illness), days_so_far, latest_date, action. Params: $on,
-- $school, $missing_days, $illness_days, $removal_days.
-- Only pupils on roll on $on (on_roll: sql/rules/on_roll.sql); a leaver drops off the list after leaving.
WITH days AS (SELECT * FROM list_school_days($school::INTEGER, $on::DATE)),
last_day AS (SELECT school_urn, max(day_no) AS day_no FROM days GROUP BY school_urn),
pupil_days AS (SELECT * FROM list_pupil_days($school::INTEGER, academic_year_start($on::DATE), $on::DATE)),
-- runs may cross holidays and academic years: every school day up to $on
-- a run that counts ends on the school's last day: only the pupils missing that whole day can have one
missing_last_day AS (
	SELECT pd.school_urn, pd.pupil_id
	FROM list_pupil_days($school::INTEGER, DATE '0001-01-01', $on::DATE) pd
	JOIN days d ON d.school_urn = pd.school_urn AND d.date = pd.date
	JOIN last_day l ON l.school_urn = d.school_urn AND l.day_no = d.day_no
	WHERE pd.missing > 0 AND pd.missing = pd.possible
),
missing AS (
	SELECT pd.school_urn, pd.pupil_id, pd.date, d.day_no,
		d.day_no - row_number() OVER (PARTITION BY pd.school_urn, pd.pupil_id ORDER BY d.day_no) AS run
	FROM list_pupil_days($school::INTEGER, DATE '0001-01-01', $on::DATE) pd
	JOIN days d ON d.school_urn = pd.school_urn AND d.date = pd.date
	SEMI JOIN missing_last_day x ON x.school_urn = pd.school_urn AND x.pupil_id = pd.pupil_id
	WHERE pd.missing > 0 AND pd.missing = pd.possible
),
runs AS (
	SELECT school_urn, pupil_id, min(date) AS start_date, max(date) AS latest_date, max(day_no) AS last_no,
		count(*)::INTEGER AS days
	FROM missing GROUP BY school_urn, pupil_id, run
),
found AS (
	SELECT r.school_urn, r.pupil_id, 'missing' AS reason, r.start_date, r.days::DOUBLE AS days_so_far, r.latest_date
	FROM runs r JOIN last_day l ON l.school_urn = r.school_urn AND l.day_no = r.last_no
	WHERE r.days >= $missing_days::INTEGER
	UNION ALL
	SELECT school_urn, pupil_id, 'illness', min(date) FILTER (WHERE illness > 0), sum(illness) / 2, max(date) FILTER (WHERE illness > 0)
	FROM pupil_days
	GROUP BY school_urn, pupil_id
	HAVING sum(illness) >= 2 * $illness_days::INTEGER
)
SELECT p.upn, f.reason, f.start_date, f.days_so_far, f.latest_date,
	CASE WHEN f.reason = 'illness' THEN 'notify the local authority'
		WHEN f.days_so_far >= $removal_days::INTEGER THEN 'removal-from-roll and missing-education checks'
		ELSE 'child-missing-education referral' END AS action,
	f.school_urn
FROM found f JOIN pupils p ON p.pupil_id = f.pupil_id
SEMI JOIN on_roll($on::DATE, school := $school::INTEGER) roll ON roll.school_urn = f.school_urn AND roll.pupil_id = f.pupil_id
ORDER BY f.reason DESC, f.days_so_far DESC, p.upn, f.school_urn;
