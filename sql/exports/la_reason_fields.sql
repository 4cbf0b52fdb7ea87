-- exports/la_reason_fields: the reason-for-absence columns of the LA return, one per dfe_statistical_field
-- of the national code table's absence codes, in the order of the DfE's published tables (authorised
-- reasons, then unauthorised; fields the DfE list does not name after those of their category).
-- Columns: field, category ('authorised' | 'unauthorised'), codes ('I', 'C1 C2'), meaning.
SELECT dfe_statistical_field AS field,
	min(category)::VARCHAR AS category,
	string_agg(code::VARCHAR, ' ' ORDER BY code) AS codes,
	string_agg(meaning, '; ' ORDER BY code) AS meaning
FROM codes
WHERE category IN ('authorised', 'unauthorised') AND dfe_statistical_field IS NOT NULL
GROUP BY dfe_statistical_field
ORDER BY min(category),
	coalesce(list_position(['sess_auth_illness', 'sess_auth_appointments', 'sess_auth_religious', 'sess_auth_study',
		'sess_auth_traveller', 'sess_auth_holiday', 'sess_auth_ext_holiday', 'sess_auth_excluded', 'sess_auth_other',
		'sess_unauth_holiday', 'sess_unauth_late', 'sess_unauth_other', 'sess_unauth_noyet'], dfe_statistical_field), 99),
	dfe_statistical_field;
