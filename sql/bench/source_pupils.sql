SELECT pupil_id, upn, strftime(date_of_birth, '%Y-%m-%d') AS date_of_birth, sex, year_group, form, fsm::INTEGER AS fsm,
	pupil_premium::INTEGER AS pupil_premium, sen::VARCHAR AS sen, eal::INTEGER AS eal, ethnicity, cla::INTEGER AS cla
FROM pupils;
