import type { Params } from '../warehouse';
import { run, rejectOnProblems, type LoadContext, type LoadCounts } from './context';
import type { StagedRegister } from './staging';
import { refreshPupilWeeks } from '../warehouse/pre-aggregates';

/**
 * Checks the staged register (stage_raw) and merges it: every format's marks go through here (a long
 * register read fast, once its fast checks pass, goes straight to mergeMarks), so every format is held
 * to the same rules and amends the same way.
 */
export async function checkAndMergeMarks(
	ctx: LoadContext,
	opts: { school: number | null; hasMinutes: boolean; rowsRead: number; lineOf?: (row: number) => number; extraChecks?: () => Promise<void> }
): Promise<LoadCounts> {
	ctx.stage('checking');
	await run(ctx, 'ingest/mark_typing');
	await run(ctx, 'ingest/validate_marks', { school: opts.school });
	await rejectOnProblems(ctx, opts.lineOf);
	await opts.extraChecks?.();
	return mergeMarks(ctx, {
		hasMinutes: opts.hasMinutes,
		rowsRead: opts.rowsRead,
		onClash: () => {
			throw new Error('stage_repeats.sql found a pupil-session listed twice with different marks that validate_marks.sql did not');
		}
	});
}

/**
 * Merges a validated register (stage_marks). When its schools hold no marks on its school-days and it
 * lists no pupil-session twice (a term's register, the usual import), every mark is added and the
 * pre-aggregates come from its own rows; otherwise each row is compared with the mark held. A pupil-session
 * listed twice with different marks is left to `onClash`, which names the problem (the file is rejected).
 * A register staged before the transaction (staging.ts) has its school-days and pupil-days there.
 */
export async function mergeMarks(
	ctx: LoadContext,
	opts: { hasMinutes: boolean; rowsRead: number; staged?: StagedRegister & { checked: true }; onClash: () => Promise<LoadCounts> }
): Promise<LoadCounts> {
	ctx.stage('merging');
	const { staged } = opts;
	const slots = staged ? { table: 'TABLE', stage: staged.stage } : { table: 'TEMP TABLE', stage: 'temp' };
	const [extent] = staged ? [staged.extent] : ((await run(ctx, 'ingest/stage_school_dates', undefined, slots)) as Params[]);
	const [{ held }] = await run(ctx, 'ingest/marks_held', extent, slots);
	if (!held) {
		const repeats = staged ? staged.repeats : (await run(ctx, 'ingest/stage_new_days', undefined, slots))[0].repeats;
		if (!repeats) {
			await run(ctx, 'ingest/new_pupils', { import_id: ctx.importId });
			const [counts] = await run(ctx, 'ingest/merge_new_marks', { import_id: ctx.importId }, slots);
			await refreshPupilWeeks(ctx.conn, 'stage_school_dates', slots.stage);
			return counted(opts.rowsRead, counts);
		}
	}
	const [{ clashes }] = await run(ctx, 'ingest/stage_repeats');
	if ((clashes as number) > 0) return opts.onClash();
	// (after the clash check: a sequence does not roll back, so a rejected file must not take pupil ids)
	await run(ctx, 'ingest/new_pupils', { import_id: ctx.importId });
	const [counts] = await run(ctx, 'ingest/merge_marks', {
		...extent,
		import_id: ctx.importId,
		changed_at: ctx.changedAt,
		has_minutes: opts.hasMinutes
	});
	// the weekly pre-aggregate of the file's school-days (those the merge touched among them)
	await refreshPupilWeeks(ctx.conn, 'stage_school_dates', slots.stage);
	return counted(opts.rowsRead, counts);
}

function counted(rowsRead: number, counts: Record<string, unknown>): LoadCounts {
	return {
		rowsRead,
		added: counts.added as number,
		amended: counts.amended as number,
		unchanged: counts.unchanged as number,
		unit: 'marks'
	};
}
