SELECT urn FROM schools ORDER BY urn;
