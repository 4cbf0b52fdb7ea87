INSERT INTO term_dates VALUES ($school_urn, $academic_year, $term, $half_term, $start_date, $end_date);
