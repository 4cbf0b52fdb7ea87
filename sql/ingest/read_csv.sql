-- Reads a CSV file into stage_csv, every field as text, columns named c1..cN by position, with the
-- data row number (row_no, 1-based, in file order). {{delimiter}} and {{columns}} are filled in by
-- the importer from the header it read (never from cell values).
CREATE OR REPLACE TEMP TABLE stage_csv AS
SELECT row_number() OVER ()::INTEGER AS row_no, *
FROM read_csv($path,
	header = true,
	auto_detect = false,
	delim = {{delimiter}},
	quote = '"',
	escape = '"',
	strict_mode = true,
	null_padding = false,
	columns = {{columns}});
