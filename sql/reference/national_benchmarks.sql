-- Reloads the shipped national figures (data/reference/national-benchmarks.csv).
DELETE FROM national_benchmarks WHERE origin = 'shipped';

INSERT INTO national_benchmarks
SELECT period, time_identifier, geographic_level, area, school_type, breakdown, breakdown_value, measure,
	value_percent::DOUBLE, source, 'shipped'
FROM read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
	columns = {'period': 'VARCHAR', 'time_identifier': 'VARCHAR', 'geographic_level': 'VARCHAR', 'area': 'VARCHAR',
		'school_type': 'VARCHAR', 'breakdown': 'VARCHAR', 'breakdown_value': 'VARCHAR', 'measure': 'VARCHAR',
		'value_percent': 'VARCHAR', 'source': 'VARCHAR'});
