SELECT code::VARCHAR AS code, category::VARCHAR AS category, counts_in_possible::INTEGER AS counts_in_possible FROM codes;
