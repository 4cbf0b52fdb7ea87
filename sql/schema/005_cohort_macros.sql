-- The DfE major ethnic group of an extended ethnicity code (CBDS D00178): the first letter for the
-- White, Mixed, Asian and Black groups; CHNE Chinese; OOTH and OARA any other; REFU and NOBT unclassified.
CREATE MACRO ethnic_major_group(code) AS
	CASE
		WHEN code IS NULL OR upper(code) IN ('REFU', 'NOBT') THEN 'Unclassified'
		WHEN upper(code) = 'CHNE' THEN 'Chinese'
		WHEN upper(code) IN ('OOTH', 'OARA') OR upper(code) LIKE 'O%' THEN 'Any other ethnic group'
		WHEN upper(code) LIKE 'W%' THEN 'White'
		WHEN upper(code) LIKE 'M%' THEN 'Mixed'
		WHEN upper(code) LIKE 'A%' THEN 'Asian'
		WHEN upper(code) LIKE 'B%' THEN 'Black'
		ELSE 'Unclassified'
	END;
