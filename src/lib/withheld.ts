// Figures withheld for small numbers (governors' views): the API lists them per row in this column,
// and tables show them as 'c', the DfE's symbol.
export const WITHHELD = 'withheld_columns';

/** Whether a row's figure in `column` was withheld. */
export const isWithheld = (row: Record<string, unknown>, column: string): boolean =>
	typeof row[WITHHELD] === 'string' && (row[WITHHELD] as string).split(',').includes(column);
