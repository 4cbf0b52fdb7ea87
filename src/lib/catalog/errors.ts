// What can go wrong with a request, as the domain says it. The responder (src/lib/server/respond.ts) and the
// CLI turn these into a status or an exit code; anything else thrown is a fault of ours: a 500, logged.

/** The request itself is wrong: a malformed or out-of-range parameter. A 400; the message is for the user. */
export class InputError extends Error {
	readonly status = 400;
	constructor(message: string) {
		super(message);
		this.name = 'InputError';
	}
}

/** No such dataset, list, pupil or year. A 404. */
export class NotFoundError extends Error {
	readonly status = 404;
	constructor(message: string) {
		super(message);
		this.name = 'NotFoundError';
	}
}

/** Not for this user: not signed in (401) or not in their role or schools (403). */
export class AccessError extends Error {
	constructor(
		readonly status: 401 | 403,
		message: string
	) {
		super(message);
		this.name = 'AccessError';
	}
}

/** The status of an error the domain raised on purpose, or null for a fault. */
export function statusOf(e: unknown): 400 | 401 | 403 | 404 | null {
	if (e instanceof InputError || e instanceof NotFoundError || e instanceof AccessError) return e.status;
	return null;
}
