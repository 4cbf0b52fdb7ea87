// Moved to $lib/catalog/format, the one formatter module. This re-export stays only for the modules not yet
// switched (src/lib/charts/**, src/routes/lists/**): import from $lib/catalog/format, and delete this file
// once nothing imports it.
export { count, longDate, percent } from './catalog/format';
