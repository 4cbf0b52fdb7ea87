// Datasets worked out in TypeScript rather than SQL, by their catalog source name ({ computed: '…' }).
import { parseCohort } from '../../catalog/params';
import type { ResolvedFilters } from '../filters';
import { runImpact } from '../impact';
import type { Row, Warehouse } from '../warehouse';

export type ComputedSource = (context: { warehouse: Warehouse; filters: ResolvedFilters; params: Record<string, string | number | null> }) => Promise<Row[]>;

const impact = ({ warehouse, filters, params }: Parameters<ComputedSource>[0]) =>
	runImpact(warehouse, {
		from: filters.from,
		to: filters.to,
		school: filters.school,
		window: params.window as number,
		yearGroup: filters.yearGroup,
		cohort: parseCohort(filters.cohort)
	});

export const COMPUTED: Record<string, ComputedSource> = {
	'impact/types': async (context) => (await impact(context)).rows as unknown as Row[],
	'impact/weeks': async (context) => (await impact(context)).weeks.filter((w) => w.type === context.params.type) as unknown as Row[]
};
