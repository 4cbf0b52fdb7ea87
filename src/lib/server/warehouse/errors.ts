/** A query that failed, naming the SQL file (or statement) and carrying its text. */
export class WarehouseQueryError extends Error {
	constructor(
		readonly query: string,
		readonly sql: string,
		readonly cause: unknown
	) {
		super(`${query} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
		this.name = 'WarehouseQueryError';
	}
}
