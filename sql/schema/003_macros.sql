-- Helpers shared by imports and measures.

-- UPN check letter: the 12 characters after the letter, weighted 2..13, sum mod 23 indexes
-- ABCDEFGHJKLMNPQRTUVWXYZ (DfE Common Basic Data Set, UPN specification).
CREATE MACRO upn_check_letter(upn) AS
	substr('ABCDEFGHJKLMNPQRTUVWXYZ',
		(list_sum([(ascii(substr(upn, i::INTEGER, 1)) - 48) * i for i in range(2, 14)]) % 23)::INTEGER + 1, 1);

CREATE MACRO is_valid_upn(upn) AS
	regexp_full_match(upn, '[A-Z][0-9]{12}') AND upn_check_letter(upn) = substr(upn, 1, 1);

-- Academic year (1 September to 31 August) that a date falls in, as its first day.
CREATE MACRO academic_year_start(d) AS
	make_date(year(d) - CASE WHEN month(d) < 9 THEN 1 ELSE 0 END, 9, 1);

CREATE MACRO academic_year_label(d) AS
	year(academic_year_start(d))::VARCHAR || '/' || lpad(((year(academic_year_start(d)) + 1) % 100)::VARCHAR, 2, '0');

-- A yes/no field of an export: Y/N, Yes/No, True/False, T/F, 1/0 (NULL if none of these).
CREATE MACRO yes_no(v) AS
	CASE upper(trim(v)) WHEN 'Y' THEN true WHEN 'YES' THEN true WHEN 'TRUE' THEN true WHEN 'T' THEN true WHEN '1' THEN true
		WHEN 'N' THEN false WHEN 'NO' THEN false WHEN 'FALSE' THEN false WHEN 'F' THEN false WHEN '0' THEN false END;

-- A date of an export: ISO (2024-09-02) or UK (02/09/2024).
CREATE MACRO any_date(v) AS
	coalesce(try_strptime(trim(v), '%Y-%m-%d'), try_strptime(trim(v), '%d/%m/%Y'))::DATE;
