// The audit log: who opened which pupil's data, who exported what, and admin actions (kept in the warehouse).
import type { DuckDBConnection } from '@duckdb/node-api';
import { runFile, type Warehouse } from '../warehouse';
import { sqlTime } from './clock';

/** Who did it: a signed-in user (or an account signing in), or the command line. */
export type AuditActor = { name: string; role: string | null } | 'cli';

/** Who makes a change (a target, a list's settings): the signed-in user with their address, or the command line. */
export interface ChangedBy {
	actor: AuditActor;
	ip?: string | null;
}

/** The name a change is saved under: the user's, or 'cli'. */
export const changedByName = (by: ChangedBy): string => (by.actor === 'cli' ? 'cli' : by.actor.name);

function auditParams(actor: AuditActor, action: string, target: string | null, ip: string | null, now: Date) {
	return {
		now: sqlTime(now),
		user_name: actor === 'cli' ? 'cli' : actor.name,
		role: actor === 'cli' ? null : actor.role,
		action,
		target: target === null ? null : target.slice(0, 1000),
		ip
	};
}

/** Writes one audit entry (`target`: a UPN, an export's name and filters, …). */
export async function audit(warehouse: Warehouse, actor: AuditActor, action: string, target: string | null, ip: string | null = null, now = new Date()): Promise<void> {
	// an entry changes no figure: the answers kept for everyone stay (Warehouse.append)
	await warehouse.append('commands/auth/audit_add', auditParams(actor, action, target, ip, now));
}

/** The same, on a connection inside a transaction (so the entry lands with what it records, or not at all). */
export async function auditOn(conn: DuckDBConnection, actor: AuditActor, action: string, target: string | null, ip: string | null = null, now = new Date()): Promise<void> {
	await runFile(conn, 'commands/auth/audit_add', auditParams(actor, action, target, ip, now));
}

export interface AuditEntry {
	audit_id: number;
	logged_at: string;
	user_name: string;
	role: string | null;
	action: string;
	target: string | null;
	ip: string | null;
	total: number;
}

export async function auditEntries(
	warehouse: Warehouse,
	filter: { user?: string | null; action?: string | null; from?: string | null; to?: string | null; limit?: number; offset?: number }
): Promise<AuditEntry[]> {
	return (await warehouse.read('auth/audit_list', {
		user_name: filter.user || null,
		action: filter.action || null,
		from: filter.from || null,
		to: filter.to || null,
		limit: filter.limit ?? 50,
		offset: filter.offset ?? 0
	})) as unknown as AuditEntry[];
}
