import { run, rejectOnProblems, type LoadContext, type LoadCounts } from './context';
import { refreshPupilWeeks } from '../warehouse/pre-aggregates';

/**
 * Checks the staged register (stage_raw) and merges it: every format's marks go through here, so
 * every format is held to the same rules and amends the same way.
 */
export async function checkAndMergeMarks(
	ctx: LoadContext,
	opts: { school: number | null; hasMinutes: boolean; rowsRead: number; lineOf?: (row: number) => number; extraChecks?: () => Promise<void> }
): Promise<LoadCounts> {
	ctx.stage('checking');
	await run(ctx, 'ingest/validate_marks', { school: opts.school });
	await rejectOnProblems(ctx, opts.lineOf);
	await opts.extraChecks?.();
	ctx.stage('merging');
	const [counts] = await run(ctx, 'ingest/merge_marks', {
		import_id: ctx.importId,
		changed_at: ctx.changedAt,
		has_minutes: opts.hasMinutes
	});
	// the weekly pre-aggregate of the school-days the merge touched
	await refreshPupilWeeks(ctx.conn, 'stage_touched_school_days');
	return {
		rowsRead: opts.rowsRead,
		added: counts.added as number,
		amended: counts.amended as number,
		unchanged: counts.unchanged as number,
		unit: 'marks'
	};
}
