SELECT school_urn, academic_year, term, half_term, strftime(start_date, '%Y-%m-%d') AS start_date,
	strftime(end_date, '%Y-%m-%d') AS end_date
FROM term_dates;
