// How a dataset's figures are withheld for roles that must not see small numbers (applied by
// src/lib/server/suppression.ts). Types only: the catalog declares, the server applies.

type Row = Record<string, unknown>;

/** Cells of a row resting on a narrower count of pupils than the row's own (persistent absentees, pupils with a reason). */
export interface CountSpec {
	/** The column holding that count of pupils (may be a column that is not shown). */
	pupils: string;
	/** The cells withheld when it is small (the count itself and anything worked out from it). */
	cells: string[];
	/** Counts sharing a `sumsTo` name add up to the row's own figure (reasons for authorised absence to authorised absence). */
	sumsTo?: string;
}

/** How a dataset's rows are suppressed for roles that must not see small numbers. */
export interface SuppressionSpec {
	/** The column holding the number of pupils each row's figures rest on. */
	pupils: string;
	/** The columns withheld (set to null, shown as 'c') when that number is below the threshold. */
	cells: string[];
	/** Rows sharing these columns' values form one table whose parts add up (for secondary suppression). */
	groupBy?: string[];
	/** Further groupings whose rows add up too (a crossed table adds up along its rows and its columns). */
	alsoGroupBy?: string[][];
	/** Cells resting on narrower counts of pupils, each withheld on its own count. */
	counts?: CountSpec[];
	/** Whether a row is the total of the other rows of its group under a grouping (the 'Total' breakdown): withheld last. */
	isTotal?: (row: Row, grouping: string[]) => boolean;
	/**
	 * Rows that are the total of every `groupBy` group agreeing with them in the other columns: with
	 * groupBy ['school', 'breakdown'] and { column: 'breakdown', value: 'Total' }, a school's Total row is
	 * the total of each of its breakdowns (sex, FSM, …).
	 */
	totalRows?: { column: string; value: unknown };
}
