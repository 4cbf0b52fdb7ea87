import type { DuckDBConnection } from '@duckdb/node-api';
import { runFile, type Params } from './index';

/**
 * Brings pupil_week_totals up to date with pupil_day_totals after an import or a purge changed the pupil-days
 * of the school-days in the temp table `{stage}.{days}` (school_urn, date): each school's touched weeks are
 * recomputed, on the change's own connection and transaction.
 */
export async function refreshPupilWeeks(conn: DuckDBConnection, days: string, stage = 'temp'): Promise<void> {
	const extents = await runFile(conn, 'ingest/touched_weeks', undefined, { stage, days });
	for (const extent of extents) await runFile(conn, 'ingest/refresh_pupil_weeks', extent as Params);
}
