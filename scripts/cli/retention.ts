// retention [--years N] [--purge]: the register entries past the retention period, counted (dry run) or purged.
import { checkYears, retentionDryRun, retentionPurge, retentionYears, type RetentionPlan } from '../../src/lib/server/auth/retention';
import type { CliValues } from './common';
import { openWarehouse } from './common';

const TABLE_LABELS = { marks: 'marks', mark_history: 'amendments (mark_history)', imports: 'import records' } as const;

function describe(plan: RetentionPlan, purged: boolean): string {
	const lines = [
		`Retention period: ${plan.years} years: entries made before ${plan.cutoff} ${purged ? 'were deleted' : 'would be deleted'}.`
	];
	if (plan.counts.length === 0) lines.push('Nothing is past the period.');
	else {
		lines.push('table\tacademic year\tentries');
		for (const c of plan.counts) lines.push(`${c.table}\t${c.academic_year}\t${c.entries}`);
		lines.push(
			`In all: ${Object.entries(plan.totals)
				.map(([t, n]) => `${n} ${TABLE_LABELS[t as keyof typeof TABLE_LABELS]}`)
				.join(', ')}.`
		);
	}
	if (!purged && plan.counts.length) lines.push('This was a dry run: add --purge to delete them.');
	return lines.join('\n');
}

export async function mainRetention(_positionals: string[], values: CliValues): Promise<number> {
	const warehouse = await openWarehouse(values.db as string | undefined);
	const years = values.years === undefined ? await retentionYears(warehouse) : checkYears(values.years);
	if (values.purge) {
		const done = await retentionPurge(warehouse, years, 'cli');
		console.log(describe(done, true));
	} else {
		console.log(describe(await retentionDryRun(warehouse, years), false));
	}
	return 0;
}
