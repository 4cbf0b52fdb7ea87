SELECT count(*)::INTEGER AS schools, min(urn) AS only_urn FROM schools;
