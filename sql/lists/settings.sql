-- The saved settings of a list for a school: its own newest value of each parameter, else the trust's
-- (school_urn NULL). With no school chosen, the trust's.
SELECT param, value
FROM list_settings
WHERE list = $list AND (school_urn IS NULL OR school_urn = $school::INTEGER)
QUALIFY row_number() OVER (PARTITION BY param ORDER BY school_urn IS NOT NULL DESC, saved_at DESC) = 1;
