-- The benchmarks view (sql/schema/020_benchmark_imports.sql) as the rule gives it: every figure once, imported
-- over shipped, with its period's end and its area's code (benchmark_rows: sql/rules/benchmarks.sql), so that
-- the view and the look-ups of the pages (benchmark_figures) say the same.
CREATE OR REPLACE VIEW benchmarks AS SELECT * FROM benchmark_rows();
