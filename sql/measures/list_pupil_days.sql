-- list_pupil_days(school, date_from, date_to): each pupil's sessions per school day, for the casework lists.
-- possible: sessions counting in possible; absent: authorised + unauthorised; unauthorised: G N O U;
-- missing: G N O (unauthorised absence, U - late after registers closed - left out: the pupil was seen);
-- illness: I. Grain: school × pupil × date with at least one possible session. Units: sessions.
CREATE OR REPLACE MACRO list_pupil_days(school, date_from, date_to) AS TABLE
SELECT
	m.school_urn,
	m.pupil_id,
	m.date,
	count(*) FILTER (WHERE m.counts_in_possible)::INTEGER AS possible,
	count(*) FILTER (WHERE m.category IN ('authorised', 'unauthorised'))::INTEGER AS absent,
	count(*) FILTER (WHERE m.category = 'unauthorised')::INTEGER AS unauthorised,
	count(*) FILTER (WHERE m.code IN ('G', 'N', 'O'))::INTEGER AS missing,
	count(*) FILTER (WHERE m.code = 'I')::INTEGER AS illness
FROM filtered_marks(date_from, date_to, school) m
GROUP BY m.school_urn, m.pupil_id, m.date
HAVING count(*) FILTER (WHERE m.counts_in_possible) > 0;
