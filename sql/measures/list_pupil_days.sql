-- list_pupil_days(school, date_from, date_to): each pupil's sessions per school day, for the casework lists.
-- possible: sessions counting in possible; absent: authorised + unauthorised; unauthorised: G N O U;
-- missing: G N O (unauthorised absence, U - late after registers closed - left out: the pupil was seen);
-- illness: I. Grain: school × pupil × date with at least one possible session. Units: sessions.
-- Read from the pupil_day_totals pre-aggregate (sql/schema/040_pre_aggregates.sql), kept current by every import.
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
FROM pupil_day_totals d
WHERE d.date BETWEEN date_from AND date_to
	AND (school IS NULL OR d.school_urn = school)
	AND d.possible > 0;
