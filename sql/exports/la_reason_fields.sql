-- exports/la_reason_fields: the reason-for-absence columns of the LA return, one per dfe_statistical_field
-- of the national code table's absence codes (code_flags' absent), in the order of the DfE's published tables
-- (authorised reasons, then unauthorised; fields the DfE list does not name after those of their category).
-- Columns: field, category ('authorised' | 'unauthorised'), codes ('I', 'C1 C2'), meaning.
SELECT c.dfe_statistical_field AS field,
	min(c.category)::VARCHAR AS category,
	string_agg(c.code::VARCHAR, ' ' ORDER BY c.code) AS codes,
	string_agg(c.meaning, '; ' ORDER BY c.code) AS meaning
FROM codes c
JOIN code_flags() f ON f.code = c.code
WHERE f.absent AND c.dfe_statistical_field IS NOT NULL
GROUP BY c.dfe_statistical_field
ORDER BY min(c.category),
	coalesce(list_position(['sess_auth_illness', 'sess_auth_appointments', 'sess_auth_religious', 'sess_auth_study',
		'sess_auth_traveller', 'sess_auth_holiday', 'sess_auth_ext_holiday', 'sess_auth_excluded', 'sess_auth_other',
		'sess_unauth_holiday', 'sess_unauth_late', 'sess_unauth_other', 'sess_unauth_noyet'], c.dfe_statistical_field), 99),
	c.dfe_statistical_field;
