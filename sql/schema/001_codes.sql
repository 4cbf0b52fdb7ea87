-- The national attendance and absence codes: School Attendance (Pupil Registration) (England)
-- Regulations 2024, in force from 2024-08-19, with the pre-2024 codes still found in history (H, J, Y, F).
-- Copied from the DfE code set (shared reference attendance-codes.csv); a unit test keeps the two equal.
-- category: present and aea count as attending; authorised and unauthorised are absence; all four are
-- possible sessions. not_possible codes are left out of possible sessions altogether.
-- valid_from / valid_to bound the dates on which a code may be recorded (inclusive; NULL = open).
-- previous_code: the code used for the same circumstance before 2024-08-19, where there was one.

CREATE TYPE attendance_code AS ENUM ('/', '\', 'L', 'K', 'V', 'P', 'W', 'B', 'J', 'D', 'C1', 'M', 'J1', 'S', 'X', 'C2', 'C', 'T', 'R', 'I', 'E', 'H', 'F', 'Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Y', 'G', 'N', 'O', 'U', 'Z', '#');

CREATE TYPE code_category AS ENUM ('present', 'aea', 'authorised', 'unauthorised', 'not_possible');

CREATE TABLE codes (
	code attendance_code PRIMARY KEY,
	meaning VARCHAR NOT NULL,
	category code_category NOT NULL,
	counts_in_possible BOOLEAN NOT NULL,
	dfe_statistical_field VARCHAR,
	valid_from DATE,
	valid_to DATE,
	notes VARCHAR,
	previous_code VARCHAR
);

INSERT INTO codes VALUES
	('/', 'Present (AM)', 'present', true, 'sess_attended', NULL, NULL, NULL, NULL),
	('\', 'Present (PM)', 'present', true, 'sess_attended', NULL, NULL, NULL, NULL),
	('L', 'Late before registers closed', 'present', true, 'sess_attended', NULL, NULL, 'counts as present; report as lateness', NULL),
	('K', 'Attending education provision arranged by the local authority', 'aea', true, 'sess_aea', DATE '2024-08-19', NULL, 'attending approved educational activity: not absent', NULL),
	('V', 'Attending an educational visit or trip', 'aea', true, 'sess_aea', NULL, NULL, NULL, NULL),
	('P', 'Participating in a sporting activity', 'aea', true, 'sess_aea', NULL, NULL, NULL, NULL),
	('W', 'Attending work experience', 'aea', true, 'sess_aea', NULL, NULL, NULL, NULL),
	('B', 'Attending any other approved educational activity', 'aea', true, 'sess_aea', NULL, NULL, NULL, NULL),
	('J', 'Interview (pre-2024 code set)', 'aea', true, 'sess_aea', NULL, DATE '2024-08-18', 'replaced by J1 (an authorised absence) from 2024-08-19', NULL),
	('D', 'Dual registered - attending another school', 'not_possible', false, NULL, NULL, NULL, 'not counted in possible sessions', NULL),
	('C1', 'Leave of absence for a regulated performance or employment abroad', 'authorised', true, 'sess_auth_reg_performance', DATE '2024-08-19', NULL, NULL, 'C'),
	('M', 'Medical or dental appointment', 'authorised', true, 'sess_auth_appointments', NULL, NULL, NULL, NULL),
	('J1', 'Leave of absence to attend an interview', 'authorised', true, 'sess_auth_interview', DATE '2024-08-19', NULL, NULL, 'J'),
	('S', 'Leave of absence to sit a public examination / study leave', 'authorised', true, 'sess_auth_study', NULL, NULL, NULL, NULL),
	('X', 'Not required to attend: non-compulsory school age', 'not_possible', false, NULL, NULL, NULL, '2020-21 COVID use of X also not possible', NULL),
	('C2', 'Leave of absence for a compulsory school age pupil subject to a part-time timetable', 'authorised', true, 'sess_auth_temp_reduced_timetable', DATE '2024-08-19', NULL, NULL, 'C'),
	('C', 'Leave of absence for exceptional circumstances', 'authorised', true, 'sess_auth_other', NULL, NULL, NULL, NULL),
	('T', 'Parent travelling for occupational purposes (Traveller)', 'authorised', true, 'sess_auth_traveller', NULL, NULL, NULL, NULL),
	('R', 'Religious observance', 'authorised', true, 'sess_auth_religious', NULL, NULL, NULL, NULL),
	('I', 'Illness (not medical or dental appointment)', 'authorised', true, 'sess_auth_illness', NULL, NULL, NULL, NULL),
	('E', 'Suspended or permanently excluded and no alternative provision made', 'authorised', true, 'sess_auth_excluded', NULL, NULL, NULL, NULL),
	('H', 'Holiday authorised by the school (pre-2024 code set)', 'authorised', true, 'sess_auth_holiday', NULL, DATE '2024-08-18', 'removed by the 2024 regulations', NULL),
	('F', 'Agreed extended family holiday (pre-2013 code set)', 'authorised', true, 'sess_auth_ext_holiday', NULL, DATE '2013-08-31', 'appears in old history only', NULL),
	('Q', 'Unable to attend because of lack of access arrangements', 'not_possible', false, NULL, DATE '2024-08-19', NULL, NULL, NULL),
	('Y1', 'Unable to attend: transport normally provided not available', 'not_possible', false, NULL, DATE '2024-08-19', NULL, NULL, 'Y'),
	('Y2', 'Unable to attend: widespread disruption to travel', 'not_possible', false, NULL, DATE '2024-08-19', NULL, NULL, 'Y'),
	('Y3', 'Unable to attend: part of school premises closed', 'not_possible', false, NULL, DATE '2024-08-19', NULL, NULL, 'Y'),
	('Y4', 'Unable to attend: whole school site unexpectedly closed', 'not_possible', false, NULL, DATE '2024-08-19', NULL, NULL, 'Y'),
	('Y5', 'Unable to attend: criminal justice detention', 'not_possible', false, NULL, DATE '2024-08-19', NULL, NULL, 'Y'),
	('Y6', 'Unable to attend: public health guidance or law', 'not_possible', false, NULL, DATE '2024-08-19', NULL, NULL, 'Y'),
	('Y7', 'Unable to attend: any other unavoidable cause', 'not_possible', false, NULL, DATE '2024-08-19', NULL, NULL, 'Y'),
	('Y', 'Unable to attend due to exceptional circumstances (pre-2024 code set)', 'not_possible', false, NULL, NULL, DATE '2024-08-18', 'split into Y1-Y7 from 2024-08-19', NULL),
	('G', 'Holiday not authorised by the school', 'unauthorised', true, 'sess_unauth_holiday', NULL, NULL, NULL, NULL),
	('N', 'Reason for absence not yet provided', 'unauthorised', true, 'sess_unauth_noyet', NULL, NULL, 'should be resolved (usually within 5 school days)', NULL),
	('O', 'Absent in other or unknown circumstances', 'unauthorised', true, 'sess_unauth_other', NULL, NULL, NULL, NULL),
	('U', 'Arrived in school after registers closed', 'unauthorised', true, 'sess_unauth_late', NULL, NULL, NULL, NULL),
	('Z', 'Prospective pupil not on admission register', 'not_possible', false, NULL, NULL, NULL, NULL, NULL),
	('#', 'Planned whole or partial school closure', 'not_possible', false, NULL, NULL, NULL, 'INSET days and other planned closures', NULL);
