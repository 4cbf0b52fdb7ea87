// Small-number suppression (the DfE's 'c'): figures resting on fewer pupils than a threshold are
// withheld, with secondary suppression so a withheld value cannot be worked out from the totals.
// Owner: issue 7 (exports). The signatures below are the contract the API and the exports use.
import type { Row } from './warehouse';

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** How a dataset's rows are suppressed for roles that must not see small numbers. */
export interface SuppressionSpec {
	/** The column holding the number of pupils each row's figures rest on. */
	pupils: string;
	/** The columns withheld (set to null, shown as 'c') when that number is below the threshold. */
	cells: string[];
	/** Rows sharing these columns' values form one table whose parts add up (for secondary suppression). */
	groupBy?: string[];
}

/** The rows with small numbers withheld (null). Placeholder: primary suppression only, until issue 7 lands. */
export function suppressRows(rows: Row[], spec: SuppressionSpec, threshold = DEFAULT_SUPPRESSION_THRESHOLD): Row[] {
	return rows.map((row) => {
		const n = Number(row[spec.pupils] ?? 0);
		if (n >= threshold || n === 0) return row;
		const copy = { ...row };
		for (const c of spec.cells) copy[c] = null;
		return copy;
	});
}
