-- An in-memory database to stage a long register in before its import's transaction (read_long.sql).
ATTACH ':memory:' AS {{stage}};
