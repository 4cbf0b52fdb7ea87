INSERT INTO codes VALUES ($code, $category, $counts_in_possible);
