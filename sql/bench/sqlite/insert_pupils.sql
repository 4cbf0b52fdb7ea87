INSERT INTO pupils VALUES ($pupil_id, $upn, $date_of_birth, $sex, $year_group, $form, $fsm, $pupil_premium, $sen, $eal, $ethnicity, $cla);
