/** A fraction as a percentage with one decimal place ("6.9%"), or an en dash when unknown. */
export function percent(fraction: number | null | undefined, digits = 1): string {
	return fraction === null || fraction === undefined || Number.isNaN(fraction) ? '–' : `${(fraction * 100).toFixed(digits)}%`;
}

export function count(n: number | null | undefined): string {
	return n === null || n === undefined ? '–' : n.toLocaleString('en-GB');
}

/** An ISO date as "2 September 2024". */
export function longDate(iso: string | null | undefined): string {
	if (!iso) return '–';
	return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
