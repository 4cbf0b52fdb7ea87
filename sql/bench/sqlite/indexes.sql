CREATE INDEX marks_school_date ON marks (school_urn, date);
CREATE INDEX marks_pupil_date ON marks (pupil_id, date);
CREATE INDEX marks_date ON marks (date);
ANALYZE;
