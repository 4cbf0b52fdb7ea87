import { fetchRows, type DataRow } from '$lib/arrow-client';

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
			fetchRows(target)
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
