-- list_pupil_days(school, date_from, date_to): each pupil's sessions per school day, for the casework lists.
-- possible: sessions counting in possible; absent: authorised + unauthorised; unauthorised: G N O U;
-- missing: G N O (unauthorised absence, U - late after registers closed - left out: the pupil was seen);
-- illness: I. Grain: school × pupil × date with at least one possible session. Units: sessions.
CREATE OR REPLACE MACRO list_pupil_days(school, date_from, date_to) AS TABLE
SELECT
	d.school_urn,
	d.pupil_id,
	d.date,
	d.possible::INTEGER AS possible,
	(d.authorised + d.unauthorised)::INTEGER AS absent,
	d.unauthorised::INTEGER AS unauthorised,
	d.missing::INTEGER AS missing,
	d.illness::INTEGER AS illness
FROM filtered_pupil_days(date_from, date_to, school) d
WHERE d.possible > 0;
