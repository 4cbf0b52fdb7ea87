-- Drops a staged register (attach_stage.sql).
DETACH DATABASE IF EXISTS {{stage}};
