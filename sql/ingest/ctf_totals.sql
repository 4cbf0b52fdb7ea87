-- Checks each CTF pupil's decoded marks against the totals the file states (stage_ctf_totals, read
-- as c1..c6 = line, upn, possible, attended, authorised, unauthorised). Attended counts present and
-- approved educational activity (AEA); possible is every code counted in possible sessions (code_flags:
-- sql/rules/code_flags.sql).
CREATE OR REPLACE TEMP TABLE stage_ctf_problems AS
WITH stated AS (
	SELECT c1::INTEGER AS line, c2 AS upn, c3::INTEGER AS possible, c4::INTEGER AS attended,
		c5::INTEGER AS authorised, c6::INTEGER AS unauthorised
	FROM stage_csv
),
decoded AS (
	SELECT s.upn,
		count(*) FILTER (WHERE f.possible)::INTEGER AS possible,
		count(*) FILTER (WHERE f.attended)::INTEGER AS attended,
		count(*) FILTER (WHERE f.authorised)::INTEGER AS authorised,
		count(*) FILTER (WHERE f.unauthorised)::INTEGER AS unauthorised
	FROM stage_marks s JOIN code_flags() f ON f.code = s.code
	GROUP BY s.upn
),
compared AS (
	SELECT t.line, t.upn, f.field, f.stated, f.decoded
	FROM stated t
	LEFT JOIN decoded d ON d.upn = t.upn,
	LATERAL (VALUES
		('SessionsPossible', t.possible, coalesce(d.possible, 0)),
		('SessionsAttended', t.attended, coalesce(d.attended, 0)),
		('SessionsAuthorised', t.authorised, coalesce(d.authorised, 0)),
		('SessionsUnauthorised', t.unauthorised, coalesce(d.unauthorised, 0))
	) f(field, stated, decoded)
)
SELECT line, upn,
	'the marks do not add up to the totals: ' || string_agg(field || ' is ' || stated || ' but the marks give ' || decoded, '; ') AS reason
FROM compared
WHERE stated IS NOT NULL AND stated <> decoded
GROUP BY line, upn
ORDER BY line;
