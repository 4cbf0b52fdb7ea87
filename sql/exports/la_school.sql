-- exports/la_school: the school a URN names, if the warehouse holds it (for the LA return's checks).
SELECT urn, name, la_code, phase FROM schools WHERE urn = $school::INTEGER;
