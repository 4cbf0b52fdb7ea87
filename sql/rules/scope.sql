-- in_scope(school_urn, schools): whether a row of a school is within the schools of the user asking, given as
-- the URNs joined by commas ($schools), NULL for a user who sees every school. Every query about one pupil
-- ($upn) holds its rows to it: a pupil who was on roll at two schools is seen at each by that school's staff only.
CREATE OR REPLACE MACRO in_scope(school_urn, schools) AS
	schools IS NULL OR list_contains(string_split(schools, ',')::INTEGER[], school_urn);
