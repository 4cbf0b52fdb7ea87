SELECT count(*)::BIGINT AS n FROM marks;
