import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
	DuckDBConnection,
	DuckDBInstance,
	DuckDBTypeId,
	type DuckDBResultReader,
	type DuckDBValue
} from '@duckdb/node-api';
import { WarehouseQueryError } from './errors';
import { defaultWarehousePath, projectRoot } from './paths';
import { sqlFolder, sqlText } from './sql-files';

export { WarehouseQueryError } from './errors';
export { defaultWarehousePath } from './paths';
export { sqlText } from './sql-files';

export type Params = Record<string, DuckDBValue | Date | number | string | boolean | null | undefined>;
export type Row = Record<string, unknown>;

/** A result's columns, each converted once by its type (see jsColumn), by name in order. */
export interface Columns {
	names: string[];
	/** Each column's DuckDB type, as DuckDB writes it (INTEGER, DOUBLE, VARCHAR, DATE, …). */
	types: string[];
	columns: unknown[][];
}

export function resultColumns(result: DuckDBResultReader): Columns {
	const duckTypes = result.columnTypes();
	const values = result.getColumnsJS();
	// (no rows: DuckDB may give no columns at all)
	return {
		names: result.columnNames(),
		types: duckTypes.map((t) => t.toString()),
		columns: duckTypes.map((type, c) => jsColumn((values[c] ?? []) as unknown[], type.typeId))
	};
}

/** Turns a result into plain rows: BIGINT/HUGEINT → number, DATE → 'YYYY-MM-DD', TIMESTAMP → ISO. */
export function resultRows(result: DuckDBResultReader): Row[] {
	// column by column (each converted once by its type), then the rows: several times faster than
	// converting every cell of getRowObjectsJS
	return columnsToRows(resultColumns(result));
}

/** Columns as rows (one object of the same shape per row). */
export function columnsToRows({ names, columns }: Columns): Row[] {
	const count = columns[0]?.length ?? 0;
	const make = rowMaker(names);
	const rows: Row[] = new Array(count);
	for (let r = 0; r < count; r++) rows[r] = make(columns, r);
	return rows;
}

/** A function that builds one row as an object literal of these columns (one shape, fast to build and read). */
const rowMakers = new Map<string, (columns: unknown[][], r: number) => Row>();
function rowMaker(names: string[]): (columns: unknown[][], r: number) => Row {
	const key = JSON.stringify(names);
	let make = rowMakers.get(key);
	if (!make) {
		// names are the columns of our own SQL; JSON.stringify quotes each safely as a property name
		const body = `return {${names.map((n, c) => `${JSON.stringify(n)}: columns[${c}][r]`).join(', ')}};`;
		make = new Function('columns', 'r', body) as (columns: unknown[][], r: number) => Row;
		if (rowMakers.size < 2_000) rowMakers.set(key, make);
	}
	return make;
}

const isoDay = new Map<number, string>();
/** A column's values as the app's rows hold them: numbers (never bigints), DATE as 'YYYY-MM-DD', other times as ISO text, null for NULL. */
function jsColumn(values: unknown[], type: DuckDBTypeId): unknown[] {
	const out = new Array(values.length);
	for (let r = 0; r < values.length; r++) {
		const value = values[r];
		if (value === null || value === undefined) out[r] = null;
		else if (typeof value === 'bigint') out[r] = Number(value);
		else if (value instanceof Date) {
			if (type === DuckDBTypeId.DATE) {
				const ms = value.getTime();
				let day = isoDay.get(ms);
				if (day === undefined) {
					day = value.toISOString().slice(0, 10);
					if (isoDay.size < 100_000) isoDay.set(ms, day);
				}
				out[r] = day;
			} else out[r] = value.toISOString();
		} else out[r] = value;
	}
	return out;
}

/** The commands that only append to a log nothing kept reads (see Warehouse.append). */
export const APPEND_ONLY = ['commands/auth/audit_add'] as const;

/** Binds only the parameters a statement names ($name); DuckDB rejects unused ones. */
function paramsFor(sql: string, params: Params | undefined): Record<string, DuckDBValue> | undefined {
	if (!params) return undefined;
	const bound: Record<string, DuckDBValue> = {};
	for (const [name, value] of Object.entries(params)) {
		if (!new RegExp(`\\$${name}\\b`).test(sql)) continue;
		if (value instanceof Date) bound[name] = value.toISOString().slice(0, 10);
		else bound[name] = (value ?? null) as DuckDBValue;
	}
	return bound;
}

/** Runs one statement of a named query, wrapping failures so they name the query and its SQL. */
export async function runOn(conn: DuckDBConnection, name: string, sql: string, params?: Params): Promise<Row[]> {
	try {
		return resultRows(await conn.runAndReadAll(sql, paramsFor(sql, params)));
	} catch (cause) {
		throw new WarehouseQueryError(name, sql, cause);
	}
}

/**
 * Fills `{{slot}}` placeholders of an SQL file with identifiers or literals the program generated
 * (column names c1..cN, a delimiter): never with values read from a file or a request.
 */
export type Slots = Record<string, string>;
const SAFE_SLOT = /^[A-Za-z0-9_,:'{} \t\\]*$/;
function fillSlots(text: string, slots: Slots): string {
	return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
		const value = slots[key];
		if (value === undefined || !SAFE_SLOT.test(value) || value.includes('--'))
			throw new Error(`SQL slot {{${key}}} has no safe value`);
		return value;
	});
}

/** ATTENDANCE_SQL_PROFILE=1: the CPU time of every statement (all threads), summed by file and statement, printed at exit. */
const PROFILE = process.env.ATTENDANCE_SQL_PROFILE === '1';
const profiled = new Map<string, number>();
function profile(key: string, ms: number) {
	if (profiled.size === 0)
		process.once('exit', () => {
			const rows = [...profiled].sort((a, b) => b[1] - a[1]).slice(0, 40);
			for (const [k, v] of rows) process.stderr.write(`${(v / 1000).toFixed(2).padStart(8)} s CPU  ${k}\n`);
		});
	profiled.set(key, (profiled.get(key) ?? 0) + ms);
}

/** ATTENDANCE_SQL_EXPLAIN=<file name> (e.g. lists/bands): prints the plan and operator timings of that file's last statement. */
const EXPLAIN = process.env.ATTENDANCE_SQL_EXPLAIN;
async function explain(conn: DuckDBConnection, text: string, params?: Params) {
	// the last statement: statements end with ';' at the end of a line
	const last = text.replace(/--[^\n]*/g, '').split(/;[ \t]*(?:\n|$)/).filter((s) => s.trim()).at(-1) ?? '';
	const prepared = await conn.prepare(`EXPLAIN (ANALYZE, FORMAT JSON) ${last}`);
	if (prepared.parameterCount > 0) {
		const bound = paramsFor(text, params) ?? {};
		const values: Record<string, DuckDBValue> = {};
		for (let p = 1; p <= prepared.parameterCount; p++) values[prepared.parameterName(p)] = bound[prepared.parameterName(p)] ?? null;
		prepared.bind(values);
	}
	// the operators taking the most time, each with what it does
	type Node = { operator_name?: string; operator_timing?: number; operator_cardinality?: number; extra_info?: unknown; children?: Node[]; latency?: number };
	const flat: Node[] = [];
	const walk = (n: Node) => (flat.push(n), n.children?.forEach(walk));
	const [row] = (await prepared.runAndReadAll()).getRows();
	const tree = JSON.parse(String(row[1])) as Node;
	walk(tree);
	process.stderr.write(`${process.env.ATTENDANCE_SQL_EXPLAIN}: ${((tree.latency ?? 0) * 1000).toFixed(1)} ms\n`);
	for (const n of flat.sort((a, b) => (b.operator_timing ?? 0) - (a.operator_timing ?? 0)).slice(0, 8))
		process.stderr.write(`  ${((n.operator_timing ?? 0) * 1000).toFixed(1).padStart(7)} ms ${String(n.operator_cardinality ?? '').padStart(9)} rows  ${n.operator_name} ${JSON.stringify(n.extra_info ?? {}).slice(0, 160)}\n`);
}

/** Runs a whole `sql/<name>.sql` file of several statements, returning the last one's rows. */
export async function runFile(conn: DuckDBConnection, name: string, params?: Params, slots?: Slots): Promise<Row[]> {
	return columnsToRows(await runFileColumns(conn, name, params, slots));
}

/** runFile's answer as columns (for Arrow, without making rows). */
export async function runFileColumns(conn: DuckDBConnection, name: string, params?: Params, slots?: Slots): Promise<Columns> {
	const text = slots ? fillSlots(sqlText(name), slots) : sqlText(name);
	const statements = await conn.extractStatements(text);
	let rows: Columns = { names: [], types: [], columns: [] };
	for (let i = 0; i < statements.count; i++) {
		try {
			const prepared = await statements.prepare(i);
			if (prepared.parameterCount > 0) {
				const bound = paramsFor(text, params) ?? {};
				const values: Record<string, DuckDBValue> = {};
				for (let p = 1; p <= prepared.parameterCount; p++) {
					const pname = prepared.parameterName(p);
					values[pname] = bound[pname] ?? null;
				}
				prepared.bind(values);
			}
			const started = PROFILE ? process.cpuUsage() : undefined;
			if (EXPLAIN === name && i === statements.count - 1) await explain(conn, text, params);
			rows = resultColumns(await prepared.runAndReadAll());
			if (started) {
				const cpu = process.cpuUsage(started);
				profile(`${name}#${i + 1}`, (cpu.user + cpu.system) / 1000);
			}
		} catch (cause) {
			throw new WarehouseQueryError(`${name} (statement ${i + 1})`, text, cause);
		}
	}
	return rows;
}

/** The snapshot (Warehouse.snapshot) the current async context reads, if any. */
const snapshots = new AsyncLocalStorage<{ warehouse: Warehouse; conn: DuckDBConnection; queue: Promise<unknown> }>();

/**
 * DuckDB's settings for the warehouse: memory_limit ATTENDANCE_MEMORY_LIMIT (default 3GB, so that a
 * 100M-mark warehouse stays within 4 GB of memory; larger work spills to the temp folder beside the file)
 * and threads ATTENDANCE_THREADS (default: one per core).
 */
export function instanceSettings(): Record<string, string> {
	const settings: Record<string, string> = { memory_limit: process.env.ATTENDANCE_MEMORY_LIMIT || '3GB' };
	if (process.env.ATTENDANCE_THREADS) settings.threads = process.env.ATTENDANCE_THREADS;
	return settings;
}

/**
 * The warehouse file and the only ways in: `read` / `readColumns` (a named SQL file, on its own connection
 * or inside the current snapshot), `snapshot` (several reads on one connection and transaction), `write`
 * (one transaction that commits whole), `append` (to the audit log) and `version` (advanced by every commit
 * that can change what is kept: every cache keys on it).
 * Reads and commits take turns (see `committing`); `scratch` is a connection for work with tables of its own.
 */
export class Warehouse {
	private constructor(
		readonly path: string,
		private readonly instance: DuckDBInstance
	) {}

	/** Opens (creating if need be) the warehouse file and brings its schema, rules and measures up to date. */
	static async open(path = defaultWarehousePath()): Promise<Warehouse> {
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		const instance = await DuckDBInstance.fromCache(path, instanceSettings());
		const warehouse = new Warehouse(path, instance);
		const conn = await instance.connect();
		try {
			// the rules (thresholds, code flags, the pupil-day roll-up) first: migrations and measures build on them
			for (const rule of sqlFolder('rules')) await runFile(conn, rule);
			await migrate(conn);
			for (const measure of measuresInDependencyOrder()) await runFile(conn, measure);
			await runFile(conn, 'reference/national_benchmarks', { path: join(projectRoot, 'data', 'reference', 'national-benchmarks.csv') });
		} finally {
			conn.closeSync();
		}
		return warehouse;
	}

	/** Counts commits: anything worked out from an earlier version is stale. */
	get version(): number {
		return this.commits;
	}

	/**
	 * Runs `sql/<name>.sql` with named parameters and returns its rows (inside `snapshot`, on its
	 * connection). `keep`: the answer is kept until the next commit (small answers asked often: the filter
	 * bar's years, the school list).
	 */
	async read(name: string, params?: Params, options: { keep?: boolean } = {}): Promise<Row[]> {
		if (options.keep) return this.keep(`sql\u0000${name}\u0000${JSON.stringify(params ?? null)}`, () => this.read(name, params));
		return columnsToRows(await this.readColumns(name, params));
	}

	/** `read`'s answer as columns (for Arrow, without making rows), with their DuckDB types. */
	async readColumns(name: string, params?: Params): Promise<Columns> {
		if (name.startsWith('commands/')) throw new Error(`${name} writes: run it with write()`);
		const snapshot = snapshots.getStore();
		if (snapshot?.warehouse === this) {
			// one query at a time on the snapshot's connection
			const next = snapshot.queue.then(() => runFileColumns(snapshot.conn, name, params));
			snapshot.queue = next.catch(() => undefined);
			return next;
		}
		await this.reading();
		try {
			return await this.withConnection((conn) => runFileColumns(conn, name, params));
		} finally {
			this.readDone();
		}
	}

	/**
	 * What `work` works out from the warehouse, kept under `key` until the next commit: the one cache of
	 * the app (answers, pupils' details, sessions, impact estimates all key on `version` through it).
	 */
	async keep<T>(key: string, work: () => Promise<T>): Promise<T> {
		const held = this.kept.get(key);
		if (held && held.version === this.commits) return held.value as Promise<T>;
		const value = work();
		this.kept.set(key, { version: this.commits, value });
		value.catch(() => this.kept.delete(key));
		// a bounded cache: the oldest entries go first
		while (this.kept.size > 5_000) this.kept.delete(this.kept.keys().next().value!);
		return value;
	}

	private commits = 0;
	private readonly kept = new Map<string, { version: number; value: Promise<unknown> }>();

	/**
	 * Runs `work` with every `read` of this warehouse inside it reading one snapshot (one connection,
	 * one transaction), so an answer built from several reads never mixes data from before and after
	 * an import that commits meanwhile. Temp tables a file creates live until the snapshot ends.
	 */
	async snapshot<T>(work: () => Promise<T>): Promise<T> {
		if (snapshots.getStore()?.warehouse === this) return work();
		await this.reading();
		try {
			return await this.withConnection(async (conn) => {
				await conn.run('BEGIN TRANSACTION');
				const snapshot = { warehouse: this as Warehouse, conn, queue: Promise.resolve() as Promise<unknown> };
				try {
					const result = await snapshots.run(snapshot, work);
					await snapshot.queue;
					await conn.run('COMMIT');
					return result;
				} catch (error) {
					await snapshot.queue;
					await conn.run('ROLLBACK');
					throw error;
				}
			});
		} finally {
			this.readDone();
		}
	}

	/**
	 * Runs `work` in one transaction on a connection of its own (run `sql/commands/…` and ingest files on
	 * it with runFile): it commits whole or rolls back whole, and the commit advances `version`.
	 * `signal` (an import's cancel hook): when it aborts, the statement under way is interrupted (DuckDB's
	 * interrupt) and so is any that follows until `work` gives up, and the transaction rolls back; it is
	 * checked once more before the commit, and a commit under way is never interrupted (it lands whole).
	 */
	async write<T>(work: (conn: DuckDBConnection) => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
	/** Runs one command file (`sql/commands/…`) as its own transaction; its rows (a RETURNING clause). */
	async write(command: string, params?: Params): Promise<Row[]>;
	async write<T>(work: string | ((conn: DuckDBConnection) => Promise<T>), second?: Params | { signal?: AbortSignal }): Promise<T | Row[]> {
		if (typeof work === 'string') {
			const command = work;
			if (!command.startsWith('commands/')) throw new Error(`${command} is not a command (sql/commands/)`);
			return this.write((conn) => runFile(conn, command, second as Params | undefined));
		}
		return this.transact(work, { signal: (second as { signal?: AbortSignal } | undefined)?.signal, advance: true });
	}

	/** `work` in one transaction on a connection of its own, committed through the gate (advancing `version` or not). */
	private transact<T>(work: (conn: DuckDBConnection) => Promise<T>, options: { signal?: AbortSignal; advance: boolean }): Promise<T> {
		const { signal, advance } = options;
		return this.withConnection(async (conn) => {
			await conn.run('BEGIN TRANSACTION');
			// DuckDB does not carry an interrupt over to the next statement: repeat it until `work` ends
			const stop = interruptOn(conn, signal, 100);
			try {
				const result = await work(conn);
				stop();
				signal?.throwIfAborted();
				await this.committing(() => conn.run('COMMIT'), advance);
				return result;
			} catch (error) {
				stop();
				await conn.run('ROLLBACK');
				throw error;
			}
		});
	}

	/**
	 * Appends to a log that nothing kept reads (the audit log: `sql/commands/auth/audit_add`), as its own
	 * transaction through the read/commit gate, without advancing `version`: an entry for every pupil-level
	 * read must not throw away the answers, sessions and estimates kept for everyone else. Only commands
	 * named in APPEND_ONLY may be appended.
	 */
	async append(command: (typeof APPEND_ONLY)[number], params?: Params): Promise<void> {
		if (!APPEND_ONLY.includes(command)) throw new Error(`${command} is not an append-only command`);
		await this.transact((conn) => runFile(conn, command, params), { advance: false });
	}

	/**
	 * A connection of its own, outside any transaction, for work that makes tables of its own (DuckDB scans a
	 * table written inside a transaction on one thread only): an import's staging (an attached in-memory
	 * database, before its `write`), the impact estimate's temp tables. It reads between commits, like `read`. `signal` interrupts the
	 * statement under way when it aborts (once: `work`'s own clean-up statements still run after it).
	 */
	async scratch<T>(work: (conn: DuckDBConnection) => Promise<T>, options: { signal?: AbortSignal } = {}): Promise<T> {
		options.signal?.throwIfAborted();
		await this.reading();
		try {
			return await this.withConnection(async (conn) => {
				const stop = interruptOn(conn, options.signal);
				try {
					return await work(conn);
				} finally {
					stop();
				}
			});
		} finally {
			this.readDone();
		}
	}

	/** A connection of its own for the duration of `work`. */
	private async withConnection<T>(work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
		const conn = await this.instance.connect();
		try {
			return await work(conn);
		} finally {
			conn.closeSync();
		}
	}

	// Reads and commits take turns: a commit waits until the snapshots and lone queries reading have ended,
	// and reads asked for meanwhile wait until it has. DuckDB's own isolation is not enough: a reader begun
	// before a large commit was seen to read the rows it appended (the new marks without the pre-aggregates
	// or enrolments the same import wrote).
	private readers = 0;
	private commitGate: Promise<void> | null = null;
	private drained: (() => void) | null = null;

	private async reading(): Promise<void> {
		while (this.commitGate) await this.commitGate;
		this.readers++;
	}

	private readDone(): void {
		this.readers--;
		if (this.readers === 0) this.drained?.();
	}

	private async committing<T>(commit: () => Promise<T>, advance = true): Promise<T> {
		if (snapshots.getStore()?.warehouse === this) throw new Error('a transaction cannot commit inside a snapshot of the same warehouse');
		while (this.commitGate) await this.commitGate;
		let open!: () => void;
		this.commitGate = new Promise<void>((resolve) => (open = resolve));
		try {
			if (this.readers > 0) await new Promise<void>((resolve) => (this.drained = resolve));
			this.drained = null;
			return await commit();
		} finally {
			if (advance) {
				this.commits++;
				this.kept.clear();
			}
			this.commitGate = null;
			open();
		}
	}

	/** Writes everything from the write-ahead log into the file (maintenance: after the demo is built). */
	async checkpoint(): Promise<void> {
		await this.committing(() => this.withConnection((conn) => conn.run('CHECKPOINT')));
	}
}

/**
 * Interrupts `conn`'s statement under way (DuckDB's interrupt) when `signal` aborts, and then every
 * `repeatMs` if given, until the returned function is called.
 */
function interruptOn(conn: DuckDBConnection, signal: AbortSignal | undefined, repeatMs?: number): () => void {
	if (!signal) return () => {};
	let repeat: ReturnType<typeof setInterval> | undefined;
	const interrupt = () => {
		conn.interrupt();
		if (repeatMs) repeat ??= setInterval(() => conn.interrupt(), repeatMs);
	};
	if (signal.aborted) interrupt();
	else signal.addEventListener('abort', interrupt, { once: true });
	return () => {
		signal.removeEventListener('abort', interrupt);
		clearInterval(repeat);
	};
}

/**
 * The `sql/measures/*.sql` files, each defining the macro it is named after, ordered so that a measure
 * built on others (its text names them) comes after them (to define them elsewhere, e.g. over a Parquet export).
 */
export function measuresInDependencyOrder(): string[] {
	const files = sqlFolder('measures');
	const macro = (file: string) => file.slice('measures/'.length);
	const ordered: string[] = [];
	const visit = (file: string, path: string[]) => {
		if (ordered.includes(file)) return;
		if (path.includes(file)) throw new Error(`measures depend on each other in a circle: ${path.join(' → ')}`);
		const text = sqlText(file);
		for (const other of files)
			if (other !== file && new RegExp(`\\b${macro(other)}\\s*\\(`).test(text)) visit(other, [...path, file]);
		ordered.push(file);
	};
	for (const file of files) visit(file, []);
	return ordered;
}

/** Applies the `sql/schema/*.sql` files not yet applied, in name order, each in a transaction. */
async function migrate(conn: DuckDBConnection): Promise<void> {
	await conn.run(
		'CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)'
	);
	const applied = new Set(
		(await runOn(conn, 'schema_migrations', 'SELECT name FROM schema_migrations')).map((r) => r.name as string)
	);
	for (const file of sqlFolder('schema')) {
		if (applied.has(file)) continue;
		await conn.run('BEGIN TRANSACTION');
		try {
			await runFile(conn, file);
			await runOn(conn, file, 'INSERT INTO schema_migrations VALUES ($name, current_timestamp)', { name: file });
			await conn.run('COMMIT');
		} catch (error) {
			await conn.run('ROLLBACK');
			throw error;
		}
	}
}
