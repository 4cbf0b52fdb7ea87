-- Types the staged register rows (stage_raw → stage_marks) and lists every reason to reject the file
-- (stage_problems). A file with any problem is rejected whole. Parameters: $school, the school for
-- rows without a URN (NULL if none was chosen).
-- Dates and sessions are typed by mark_typing.sql's macros (run first).
-- Codes must be national codes valid on their date (School Attendance (Pupil Registration) (England)
-- Regulations 2024: the 2024 code set applies from 2024-08-19); registers are not taken at weekends.
CREATE OR REPLACE TEMP TABLE stage_marks AS
SELECT
	r.row_no,
	r.line,
	r.problem,
	nullif(r.upn, '') AS upn,
	nullif(r.urn_text, '') AS urn_text,
	coalesce(try_cast(nullif(r.urn_text, '') AS INTEGER), $school::INTEGER) AS school_urn,
	r.date_text,
	mark_date(r.date_text) AS date,
	r.session_text,
	mark_session(r.session_text) AS session,
	r.code_text,
	try_cast(r.code_text AS attendance_code) AS code,
	nullif(r.minutes_text, '') AS minutes_text,
	try_cast(nullif(r.minutes_text, '') AS SMALLINT) AS minutes_late,
	nullif(trim(r.reason), '') AS reason,
	nullif(trim(r.author), '') AS author
FROM (
	-- every field trimmed once
	SELECT row_no, line, problem, trim(upn) AS upn, trim(urn_text) AS urn_text, trim(date_text) AS date_text,
		trim(session_text) AS session_text, trim(code_text) AS code_text, trim(minutes_text) AS minutes_text, reason, author
	FROM stage_raw
) r;

CREATE OR REPLACE TEMP TABLE stage_problems AS
SELECT *, NULL::INTEGER AS other_row FROM (
SELECT row_no, line, upn, problem AS reason
FROM stage_marks WHERE problem IS NOT NULL
UNION ALL
SELECT row_no, line, upn, 'no UPN'
FROM stage_marks WHERE upn IS NULL AND problem IS NULL
UNION ALL
-- a bad UPN is reported once, at its first row
SELECT row_no, line, upn,
	CASE WHEN NOT regexp_full_match(upn, '[A-Z][0-9]{12}')
		THEN 'UPN ''' || upn || ''' is not a check letter followed by 12 digits'
		ELSE 'UPN ''' || upn || ''' has the wrong check letter (its digits give ' || upn_check_letter(upn) || ')'
	END || CASE WHEN n > 1 THEN ' (' || n || ' rows)' ELSE '' END
FROM (
	SELECT upn, min(row_no) AS row_no, arg_min(line, row_no) AS line, count(*) AS n
	FROM stage_marks WHERE upn IS NOT NULL AND problem IS NULL
	GROUP BY upn
) u
WHERE NOT is_valid_upn(upn)
UNION ALL
SELECT min(row_no), arg_min(line, row_no), NULL,
	CASE WHEN urn_text IS NULL THEN 'no school URN on this row and no school chosen (use --school URN)'
		WHEN try_cast(urn_text AS INTEGER) IS NULL THEN 'school URN ''' || urn_text || ''' is not a number'
		ELSE 'school URN ' || urn_text || ' is not in the warehouse: import the schools file first, or choose it with --school'
	END || CASE WHEN count(*) > 1 THEN ' (' || count(*) || ' rows)' ELSE '' END
FROM stage_marks s
WHERE problem IS NULL
	AND (school_urn IS NULL OR NOT EXISTS (SELECT 1 FROM schools WHERE urn = s.school_urn))
GROUP BY urn_text
UNION ALL
SELECT row_no, line, upn,
	CASE WHEN coalesce(date_text, '') = '' THEN 'no date'
		ELSE 'date ''' || date_text || ''' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)'
	END
FROM stage_marks WHERE problem IS NULL AND date IS NULL
UNION ALL
SELECT row_no, line, upn, 'date ' || date_text || ' is outside 1990–2099'
FROM stage_marks WHERE problem IS NULL AND date IS NOT NULL AND NOT (year(date) BETWEEN 1990 AND 2099)
UNION ALL
SELECT row_no, line, upn,
	'date ' || strftime(date, '%Y-%m-%d') || ' is a ' || dayname(date) || ': registers are not taken at weekends'
FROM stage_marks WHERE problem IS NULL AND isodow(date) IN (6, 7)
UNION ALL
SELECT row_no, line, upn,
	CASE WHEN coalesce(session_text, '') = '' THEN 'no session (AM or PM)'
		ELSE 'session ''' || session_text || ''' is not AM or PM'
	END
FROM stage_marks WHERE problem IS NULL AND session IS NULL
UNION ALL
SELECT row_no, line, upn,
	CASE WHEN coalesce(code_text, '') = '' THEN 'no attendance mark'
		WHEN try_cast(upper(code_text) AS attendance_code) IS NOT NULL
			THEN 'unknown attendance code ''' || code_text || ''' (codes are upper case)'
		ELSE 'unknown attendance code ''' || code_text || ''''
	END
FROM stage_marks WHERE problem IS NULL AND code IS NULL
UNION ALL
SELECT s.row_no, s.line, s.upn,
	CASE WHEN s.date > c.valid_to
		THEN 'code ' || c.code || ' (' || c.meaning || ') is not valid on ' || strftime(s.date, '%Y-%m-%d')
			|| ': it was withdrawn after ' || strftime(c.valid_to, '%Y-%m-%d')
			|| coalesce(' (' || c.notes || ')', '')
			|| coalesce('; from then on use ' || (SELECT string_agg(n.code::VARCHAR, ', ' ORDER BY n.code)
				FROM codes n WHERE n.previous_code = c.code::VARCHAR), '')
		ELSE 'code ' || c.code || ' (' || c.meaning || ') is not valid on ' || strftime(s.date, '%Y-%m-%d')
			|| ': it is in use only from ' || strftime(c.valid_from, '%Y-%m-%d')
			|| coalesce('; before then the code was ' || c.previous_code, '')
	END
FROM stage_marks s
JOIN codes c ON c.code = s.code
WHERE s.problem IS NULL AND (s.date < c.valid_from OR s.date > c.valid_to)
UNION ALL
SELECT row_no, line, upn, 'minutes late ''' || minutes_text || ''' is not a whole number of minutes'
FROM stage_marks
WHERE problem IS NULL AND minutes_text IS NOT NULL AND (minutes_late IS NULL OR minutes_late < 0)
);

-- Pupil-sessions listed more than once: with the same mark they are one mark (the merge keeps the
-- first row); with different marks the file contradicts itself, which the register must not.
CREATE OR REPLACE TEMP TABLE stage_repeats AS
SELECT upn, date, session, school_urn, min(row_no) AS first_row, max(row_no) AS last_row,
	min(code_text) <> max(code_text) OR min(coalesce(minutes_late, -1)) <> max(coalesce(minutes_late, -1)) AS clash
FROM stage_marks
WHERE problem IS NULL AND upn IS NOT NULL AND date IS NOT NULL AND session IS NOT NULL AND school_urn IS NOT NULL
GROUP BY upn, date, session, school_urn
HAVING count(*) > 1;

INSERT INTO stage_problems
SELECT max(s.row_no), arg_max(s.line, s.row_no), s.upn,
	'pupil-session ' || strftime(s.date, '%Y-%m-%d') || ' ' || s.session || ' is listed more than once with different marks ('
		|| string_agg(DISTINCT s.code_text || coalesce(' (' || s.minutes_text || ' minutes late)', ''), ', '
			ORDER BY s.code_text || coalesce(' (' || s.minutes_text || ' minutes late)', '')) || ')',
	min(s.row_no)
FROM stage_marks s
JOIN stage_repeats r ON r.clash AND r.upn = s.upn AND r.date = s.date AND r.session = s.session AND r.school_urn = s.school_urn
GROUP BY s.upn, s.date, s.session, s.school_urn;
