// Retention of the register: every entry (marks, their amendment history, the imports' records of them)
// is kept for a set period counted from the day it was made, and no longer. The period is a setting
// (default 6 years); a purge deletes what is past it in one transaction with an audit entry.
import { InputError } from '../../catalog/errors';
import type { Warehouse } from '../warehouse';
import { runFile } from '../warehouse';
import { refreshPupilWeeks } from '../warehouse/pre-aggregates';
import { auditOn, type AuditActor } from './audit';
import { getSetting, saveSetting } from './settings';

export const RETENTION_SETTING = 'retention_years';
export const DEFAULT_RETENTION_YEARS = 6;

export function checkYears(value: unknown): number {
	const n = typeof value === 'number' ? value : /^\d{1,3}$/.test(String(value ?? '').trim()) ? Number(String(value).trim()) : NaN;
	if (!Number.isInteger(n) || n < 1 || n > 100) throw new InputError('the retention period is a whole number of years from 1 to 100');
	return n;
}

export async function retentionYears(warehouse: Warehouse): Promise<number> {
	const saved = await getSetting(warehouse, RETENTION_SETTING);
	return saved === null ? DEFAULT_RETENTION_YEARS : checkYears(saved);
}

export async function saveRetentionYears(warehouse: Warehouse, years: number, by: string): Promise<void> {
	await saveSetting(warehouse, RETENTION_SETTING, String(checkYears(years)), by);
}

/** The first day that is kept: `years` whole years before `today` (entries made before it go). */
export function cutoffDate(years: number, today = new Date()): string {
	// (29 February, in a year without one, is 1 March)
	return new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
}

export interface RetentionCount {
	table: 'marks' | 'mark_history' | 'imports';
	academic_year: string;
	entries: number;
}

export interface RetentionPlan {
	years: number;
	cutoff: string;
	counts: RetentionCount[];
	totals: Record<'marks' | 'mark_history' | 'imports', number>;
}

function plan(years: number, cutoff: string, counts: RetentionCount[]): RetentionPlan {
	const totals = { marks: 0, mark_history: 0, imports: 0 };
	for (const c of counts) totals[c.table] += c.entries;
	return { years, cutoff, counts, totals };
}

/** The dry run: what a purge would delete today, by table and academic year. Changes nothing. */
export async function retentionDryRun(warehouse: Warehouse, years: number, today = new Date()): Promise<RetentionPlan> {
	const cutoff = cutoffDate(years, today);
	// a connection of its own: the temp tables retention_expired makes live on it (outside a transaction, so scanned on every thread)
	const counts = await warehouse.scratch(async (conn) => {
		await runFile(conn, 'auth/retention_expired', { cutoff });
		return (await runFile(conn, 'auth/retention_count')) as unknown as RetentionCount[];
	});
	return plan(years, cutoff, counts);
}

/** Deletes the entries past the period, in one transaction with its audit entry; returns what went. */
export async function retentionPurge(warehouse: Warehouse, years: number, actor: AuditActor, ip: string | null = null, today = new Date()): Promise<RetentionPlan> {
	const cutoff = cutoffDate(years, today);
	const result = await warehouse.write(async (conn) => {
		await runFile(conn, 'auth/retention_expired', { cutoff });
		const counts = (await runFile(conn, 'auth/retention_count')) as unknown as RetentionCount[];
		await runFile(conn, 'commands/auth/retention_purge');
		await refreshPupilWeeks(conn, 'stage_touched_school_days');
		const done = plan(years, cutoff, counts);
		await auditOn(
			conn,
			actor,
			'retention purge',
			`${years} years: entries made before ${cutoff}; deleted ${done.totals.marks} marks, ${done.totals.mark_history} amendments, ${done.totals.imports} import records`,
			ip
		);
		return done;
	});
	await warehouse.checkpoint();
	return result;
}
