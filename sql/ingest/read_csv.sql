-- Reads a CSV file into stage_csv, every field as text, columns named c1..cN by position, in file
-- order: DuckDB preserves insertion order and numbers the rows of one insert consecutively, so the
-- rowid's distance from the first one is the data row number (a row_number() window would read the
-- file on one thread; tests check the line numbers on large files). {{delimiter}} and {{columns}} are filled in by the
-- importer from the header it read (never from cell values).
CREATE OR REPLACE TEMP TABLE stage_csv_rows AS
SELECT *
FROM read_csv($path,
	header = true,
	auto_detect = false,
	delim = {{delimiter}},
	quote = '"',
	escape = '"',
	strict_mode = true,
	null_padding = false,
	columns = {{columns}});

CREATE OR REPLACE TEMP TABLE stage_csv_first AS SELECT min(rowid) AS first_rowid FROM stage_csv_rows;

CREATE OR REPLACE TEMP VIEW stage_csv AS
SELECT (r.rowid - f.first_rowid + 1)::INTEGER AS row_no, r.* FROM stage_csv_rows r, stage_csv_first f;
