-- Makes sure a school chosen for an import exists (its details can come later from a schools file or a CTF).
INSERT INTO schools (urn, name) VALUES ($school::INTEGER, NULL) ON CONFLICT DO NOTHING;
