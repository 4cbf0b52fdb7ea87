// What a dataset or a casework list is: its SQL, parameters, columns (type, label, unit, format),
// small-number suppression and whether it is about individual pupils. No DB, no SvelteKit: the server
// runs it (src/lib/server/respond.ts), the pages label and format it, the CLI and exports read it, and
// tests/integration/catalog-contract.test.ts checks every entry against its SQL.
import type { Param, ParamSpec, ParamValue } from './params';
import type { SuppressionSpec } from './suppression';

/** A column's type as the SQL gives it (DuckDB INTEGER/BIGINT → integer, DOUBLE/DECIMAL → number, VARCHAR → text …). */
export type ColumnType = 'integer' | 'number' | 'text' | 'date' | 'timestamp' | 'boolean';

/**
 * How a column's values read (src/lib/catalog/format.ts): `count` a whole number of sessions or pupils;
 * `percent` a fraction shown as a percentage; `points` already in percentage points; `points_of_fraction`
 * a difference of fractions shown in points; `days`, `decimal` (with its unit); `integer` a key or order.
 */
export type ColumnFormat =
	| 'count' | 'integer' | 'percent' | 'points' | 'points_of_fraction' | 'days' | 'decimal' | 'text' | 'date' | 'timestamp' | 'flag';

export interface Column {
	type: ColumnType;
	format: ColumnFormat;
	label: string;
	unit?: string;
}

export type Columns = Record<string, Column>;

/** Where a dataset's rows come from. */
export type Source =
	/** A read-only SELECT: sql/<sql>.sql, run with the dashboard filters and the dataset's own parameters. */
	| { sql: string }
	/** Worked out in TypeScript (src/lib/server/sources/computed.ts) under this name. */
	| { computed: string };

export interface DatasetDefinition<P extends ParamSpec = ParamSpec> {
	/** What it shows, in a line. */
	title: string;
	source: Source;
	/** Its own URL parameters (beyond the dashboard filters), each with its SQL name. */
	params: P;
	/** Checks the parameters together; returns a problem or null. */
	check?: (values: Record<string, ParamValue>) => string | null;
	/** A path parameter it takes (the pupil's UPN of /api/pupil/<upn>/…). */
	pathParam?: 'upn';
	columns: Columns;
	/**
	 * Small-number protection, for roles that see aggregates only (every aggregate dataset says which):
	 * a spec, when rows rest on different groups of pupils (a cohort's, a code's); 'selection', when every
	 * row rests on all the pupils the filters select (a whole-school weekday table), which the responder
	 * refuses when they are fewer than the threshold; 'none', when no figure is about pupils (an import log).
	 */
	suppress?: SuppressionSpec | 'selection' | 'none';
	/** Rows about individual pupils (names, UPNs): only for roles that may see pupils; opening it is audited. */
	pupilLevel?: boolean;
}

export function defineDataset<P extends ParamSpec>(d: DatasetDefinition<P>): DatasetDefinition<P> {
	return d;
}

/** The column names of a dataset, in order. */
export const columnNames = (d: { columns: Columns }): string[] => Object.keys(d.columns);

export type Tone = 'bad' | 'warn' | 'good' | 'info' | 'neutral';

/** How a value shows in a list: counts, days (halves kept), dates, rates, changes in points, badges, text. */
export type ListColumnKind = 'count' | 'days' | 'date' | 'rate' | 'points' | 'text' | 'flag' | 'badge' | 'badges' | 'sessions' | 'needed';

/** A casework list's column: its type (checked against the SQL) and how the list pages show it. */
export interface ListColumn {
	type: ColumnType;
	label: string | ((params: Record<string, ParamValue>) => string);
	kind: ListColumnKind;
	/** Not shown in the table (it stays in the CSV). */
	hidden?: boolean;
	/** Shown only when some row has a value. */
	hideWhenEmpty?: boolean;
	/** When every row has the same value, said once above the table instead of in a column. */
	sameNote?: boolean;
	/** Long text: wraps. */
	wrap?: boolean;
	/** A date shown as a badge of this tone (a threshold met). */
	dateTone?: Tone;
	/** For 'needed': the column saying whether the target can still be reached. */
	outlook?: string;
	/** For badges: the text shown for each value, and its tone. */
	badges?: Record<string, { text: string; tone: Tone }>;
	/** For badges: a value the map does not name. */
	badge?: (value: string) => { text: string; tone: Tone };
	/** Sort by another column's values (a stage by its days, a band by the attendance behind it). */
	sortBy?: string;
	/** For flags: the badge shown when true. */
	flag?: { text: string; tone: Tone };
	/** A short explanation of the column (the header's title and the table's notes). */
	help?: string;
}

export type ListColumns = Record<string, ListColumn>;

/**
 * A casework list (sql/lists/<name>.sql): run as of a date ($on, default the latest marked day) for one
 * school or all ($school), its rows `upn` first, joined with the pupils' details (PUPIL_COLUMNS).
 */
export interface ListDefinition<P extends ParamSpec = ParamSpec, C extends ListColumns = ListColumns> {
	sql: string;
	/** A line naming the list and its rule (the CLI, the list index). */
	label: string;
	title: string;
	purpose: string;
	/** The rule, with the parameters' values as chosen (defaults filled). */
	rule: (p: Record<string, ParamValue>) => string;
	source: string;
	params: P & Record<string, Param>;
	/** Checks the parameters together (e.g. band cut-offs in order); returns a problem or null. */
	check?: (params: Record<string, ParamValue>) => string | null;
	/** The list's own columns in the SQL's order. */
	columns: C;
	/** The groups a row falls in, for the counts above the list ("Threshold met: 12"). */
	breakdown?: (row: Record<string, unknown>) => { text: string; tone: Tone }[];
}

export function defineList<P extends ParamSpec, C extends ListColumns>(l: ListDefinition<P, C>): ListDefinition<P, C> {
	return l;
}
