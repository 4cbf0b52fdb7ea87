/** A UTC timestamp (ISO) in the reader's time zone: "23 Nov 2026, 16:07". */
export function when(iso: unknown): string {
	if (typeof iso !== 'string' || !iso) return '–';
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** An ISO date as "Wed 4 Sep 2024". */
export function shortDate(iso: unknown): string {
	if (typeof iso !== 'string' || !iso) return '–';
	return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Minutes as "1 h 25 min" or "40 min". */
export function minutes(n: number | null | undefined): string {
	if (!n) return '0 min';
	return n >= 60 ? `${Math.floor(n / 60)} h ${n % 60} min` : `${n} min`;
}
