INSERT INTO marks VALUES ($school_urn, $pupil_id, $date, $session, $code, $minutes_late, $import_id);
