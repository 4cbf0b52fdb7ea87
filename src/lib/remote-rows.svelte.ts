import { fetchRows, type DataRow } from '$lib/arrow-client';

// Requests in flight by URL: views of one dataset asked for at the same time (the Overview's three charts)
// share one request.
const inFlight = new Map<string, Promise<DataRow[]>>();

function shared(url: string): Promise<DataRow[]> {
	let request = inFlight.get(url);
	if (!request) {
		request = fetchRows(url).finally(() => inFlight.delete(url));
		inFlight.set(url, request);
	}
	return request;
}

/**
 * The rows a URL names: its fragment, which is never sent to the server, picks rows out of the answer by
 * column values (`…/periods?school=1#grain=half_term,year` keeps the rows whose grain is half_term or year),
 * so several views of one dataset can share one request.
 */
export function rowsOf(url: string): Promise<DataRow[]> {
	const at = url.indexOf('#');
	if (at < 0) return shared(url);
	const wanted = [...new URLSearchParams(url.slice(at + 1))].map(([column, values]) => [column, values.split(',')] as const);
	return shared(url.slice(0, at)).then((rows) => rows.filter((r) => wanted.every(([column, values]) => values.includes(String(r[column])))));
}

/** A dataset fetched (Arrow) whenever its URL changes, for the page's plain tables. */
export class RemoteRows {
	rows = $state<DataRow[]>([]);
	status = $state<'loading' | 'ready' | 'error'>('loading');
	message = $state('');

	constructor(url: () => string) {
		$effect(() => {
			const target = url();
			let cancelled = false;
			this.status = 'loading';
			rowsOf(target)
				.then((rows) => {
					if (cancelled) return;
					this.rows = rows;
					this.status = 'ready';
				})
				.catch((e: Error) => {
					if (cancelled) return;
					this.message = e.message.startsWith('403') ? 'not available for your role' : e.message;
					this.status = 'error';
				});
			return () => (cancelled = true);
		});
	}
}
