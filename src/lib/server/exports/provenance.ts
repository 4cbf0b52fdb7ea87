// Where an export's figures come from: the version of the metric definitions they were computed with
// and the data's last marked date. Every export records both (issue 7, item 6): CSVs as two trailing
// columns on every row (`metric_version`, `data_to`: a CSV has no place for a header note and the DfE's
// own CSVs carry none), XLSX in the Definitions sheet, printable pages in their footer.
import { createHash } from 'node:crypto';
import type { Warehouse } from '../warehouse';
import { sqlFolder, sqlText } from '../warehouse/sql-files';

/** Bumped by hand when a definition changes its meaning (not for a reworded comment). */
export const METRIC_DEFINITIONS_VERSION = '1';

let cachedVersion: string | undefined;

/**
 * The metric definitions' version: `METRIC_DEFINITIONS_VERSION` and a short hash of the SQL that defines
 * the figures (the code table, sql/rules/*.sql, sql/measures/*.sql and sql/exports/*.sql), e.g. '1+3fa2b9c1'. Two exports
 * with the same version were computed by the same definitions.
 */
export function metricVersion(): string {
	if (cachedVersion) return cachedVersion;
	const hash = createHash('sha256');
	for (const name of ['schema/001_codes', ...sqlFolder('rules'), ...sqlFolder('measures'), ...sqlFolder('exports')]) {
		hash.update(name).update('\0').update(sqlText(name)).update('\0');
	}
	cachedVersion = `${METRIC_DEFINITIONS_VERSION}+${hash.digest('hex').slice(0, 8)}`;
	return cachedVersion;
}

export interface Provenance {
	/** See metricVersion(). */
	metricVersion: string;
	/** The latest date with a register mark for the school(s) covered ('YYYY-MM-DD'), null when none. */
	dataTo: string | null;
	/** When the export was made (ISO timestamp). */
	generatedAt: string;
}

/**
 * The provenance of an export covering one school (a URN) or every school (null); `until` ('YYYY-MM-DD'):
 * the export's period ends then, so the data's last marked date is the last on or before it.
 */
export async function exportProvenance(warehouse: Warehouse, school: number | null, until: string | null = null): Promise<Provenance> {
	const [row] = await warehouse.read('exports/last_marked', { school, until });
	return { metricVersion: metricVersion(), dataTo: (row?.last_marked as string | null) ?? null, generatedAt: new Date().toISOString() };
}

/** The trailing columns every exported CSV row carries. */
export const PROVENANCE_COLUMNS = ['metric_version', 'data_to'] as const;

/** The values of PROVENANCE_COLUMNS for a row. */
export const provenanceColumns = (p: Provenance): { metric_version: string; data_to: string | null } => ({
	metric_version: p.metricVersion,
	data_to: p.dataTo
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** UK date from 'YYYY-MM-DD…': 23 Nov 2026 ('no marks' for null). */
export function ukDate(iso: string | null): string {
	if (!iso) return 'no marks';
	const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
	return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Label-value lines for a definitions sheet or a printed footer. */
export function provenanceLines(p: Provenance): [string, string][] {
	return [
		['Metric definitions version', p.metricVersion],
		['Data to (last marked date)', ukDate(p.dataTo)],
		['Generated', `${ukDate(p.generatedAt)} ${p.generatedAt.slice(11, 16)} UTC`]
	];
}
