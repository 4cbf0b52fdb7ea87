import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { KIND_LABELS, type ImportKind } from '../../import-kinds';
import { runFile, type Warehouse } from '../warehouse';
import { CsvHeader } from './csv';
import type { LoadContext, LoadCounts } from './context';
import { isBenchmarks, loadBenchmarks } from './benchmarks';
import { isCtf, loadCtf } from './ctf';
import { preflight, type TextFile } from './preflight';
import { ImportRejected, reject } from './problems';
import { isLongRegister, loadLongRegister } from './register-long';
import { dropStage, longRegisterHeader, stageLongRegister, type StagedRegister } from './staging';
import { isWideRegister, loadWideRegister } from './register-wide';
import {
	isInterventions,
	isPupils,
	isSchools,
	isTermDates,
	loadInterventions,
	loadPupils,
	loadSchools,
	loadTermDates
} from './reference-files';

export { ImportRejected, formatProblem, type Problem } from './problems';

export { KIND_LABELS, type ImportKind } from '../../import-kinds';

export type ImportStage = 'reading' | 'checking' | 'merging' | 'done';

export interface ImportOptions {
	/** The school the file is for, when it has no URN column (created if new). */
	school?: number | null;
	/** The name to use in messages (an upload's original name); defaults to the file's base name. */
	name?: string;
	onProgress?: (stage: ImportStage, fraction: number) => void;
	/**
	 * The file the caller imports next, if it knows (a list of files): its first pass and staging run
	 * while this file's transaction does. It is imported by its own call as ever, which uses what was read
	 * ahead if it names the same file, unchanged, with the same school and name (else reads it again).
	 */
	next?: string;
	/**
	 * Aborted (the client of an upload went away): the import stops where it is (its DuckDB statements
	 * interrupted), rolls back whole and fails with ImportCancelled; if still queued, it never starts.
	 */
	signal?: AbortSignal;
	/**
	 * Seconds the import may run once its turn has come (the server's uploads: importTimeoutSeconds());
	 * past them it stops like an abort and is rejected, naming the limit. No limit when not given (the CLI).
	 */
	timeoutSeconds?: number;
}

/** An import stopped by its caller (ImportOptions.signal) before it finished: nothing from it was imported. */
export class ImportCancelled extends Error {
	constructor(readonly file: string) {
		super(`${file} was not imported: the import was cancelled (the upload was abandoned)`);
		this.name = 'ImportCancelled';
	}
}

/** ATTENDANCE_IMPORT_TIMEOUT_S (default 600): the seconds an uploaded file's import may run. */
export function importTimeoutSeconds(): number {
	const seconds = Number(process.env.ATTENDANCE_IMPORT_TIMEOUT_S ?? 600);
	return Number.isFinite(seconds) && seconds > 0 ? seconds : 600;
}

export interface ImportResult extends LoadCounts {
	file: string;
	kind: ImportKind;
	/** 'loaded': the file landed; 'identical': the same content was imported before, nothing changed. */
	status: 'loaded' | 'identical';
	importId: number;
	warnings: string[];
	message: string;
}

/** Decides what a file is from its content (never its name). */
export async function detectKind(file: TextFile): Promise<{ kind: ImportKind; header?: CsvHeader }> {
	const handle = await open(file.path, 'r');
	const head = Buffer.alloc(Math.min(file.bytes, 4096));
	await handle.read(head, 0, head.length, 0);
	await handle.close();
	if (isCtf(file.firstLine, head.toString('utf8'))) return { kind: 'ctf' };
	if (/^\s*</.test(file.firstLine)) reject(file.name, 'this XML file is not a Common Transfer File (no <CTfile> element)', 1);
	const header = CsvHeader.parse(file.firstLine);
	const kinds: [ImportKind, (h: CsvHeader) => boolean][] = [
		['register-long', isLongRegister],
		['register-wide', isWideRegister],
		['term-dates', isTermDates],
		['interventions', isInterventions],
		['pupils', isPupils],
		['schools', isSchools],
		['benchmarks', isBenchmarks]
	];
	for (const [kind, test] of kinds) if (test(header)) return { kind, header };
	return reject(
		file.name,
		`cannot tell what this file is from its header (${header.cells.slice(0, 8).join(', ')}${header.cells.length > 8 ? ', …' : ''}): ` +
			'a register needs UPN, Date, Session and Mark columns (or UPN and one column per date); ' +
			'pupils need UPN and characteristics; interventions UPN, Type and StartDate; term dates half_term, start_date and end_date; ' +
			'benchmark figures period, time_identifier, geographic_level, area, school_type, breakdown, breakdown_value, measure, value_percent and source',
		1
	);
}

const LOADERS: Record<ImportKind, (ctx: LoadContext, header: CsvHeader) => Promise<LoadCounts>> = {
	'register-long': loadLongRegister,
	'register-wide': loadWideRegister,
	ctf: (ctx) => loadCtf(ctx),
	pupils: loadPupils,
	interventions: loadInterventions,
	'term-dates': loadTermDates,
	schools: loadSchools,
	benchmarks: loadBenchmarks
};

const queues = new WeakMap<Warehouse, Promise<unknown>>();

/**
 * Imports run one at a time per warehouse: each is a transaction that must see the last one's result.
 * An import whose signal aborts while it waits its turn leaves the queue at once (and never starts).
 */
function serialised<T>(warehouse: Warehouse, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(warehouse) ?? Promise.resolve();
	let started = false;
	const run = () => {
		if (signal?.aborted) return Promise.reject(signal.reason as Error);
		started = true;
		return work();
	};
	const next = previous.then(run, run);
	queues.set(warehouse, next.catch(() => undefined));
	if (!signal) return next;
	return new Promise<T>((resolve, reject) => {
		const leave = () => {
			if (!started) reject(signal.reason as Error);
		};
		signal.addEventListener('abort', leave, { once: true });
		next.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
	});
}

/**
 * A file being read: its first pass (preflight) and, for a long register, its staging (staging.ts),
 * which DuckDB does while the first pass reads the rest of the file. What either finds wrong is reported
 * in the order it always was, the first pass's first.
 */
interface Reading {
	path: string;
	name: string;
	school: number | null;
	/** The file's size and time of change when the reading began. */
	stamp: string;
	file: Promise<TextFile>;
	staging?: Promise<StagedRegister>;
	/** For a file read ahead: progress reported before the import's own call is lost. */
	progress: (fraction: number) => void;
}

function startReading(warehouse: Warehouse, path: string, name: string, school: number | null, signal?: AbortSignal): Reading {
	const reading = { path, name, school, stamp: stampOf(path), progress: () => {} } as Omit<Reading, 'file'> as Reading;
	const onFirstLine = (firstLine: string) => {
		const header = longRegisterHeader(firstLine);
		if (!header) return;
		reading.staging = stageLongRegister(warehouse, { path, name }, header, school, signal);
		reading.staging.catch(() => undefined); // awaited by the import, if the first pass finds nothing wrong
	};
	reading.file = preflight(path, name, (f) => reading.progress(f), onFirstLine, signal);
	reading.file.catch(() => undefined); // the same
	return reading;
}

function stampOf(path: string): string {
	try {
		const { size, mtimeMs } = statSync(path);
		return `${size}:${mtimeMs}`;
	} catch {
		return 'missing';
	}
}

/** Drops what a reading staged, whatever became of it (a failure to drop it must not hide that). */
async function endReading(warehouse: Warehouse, reading: Reading): Promise<void> {
	await reading.file.catch(() => undefined);
	await reading.staging?.then((staged) => dropStage(warehouse, staged)).catch(() => undefined);
}

/** The file read ahead for each warehouse (ImportOptions.next), until imported or passed over. */
const readAhead = new WeakMap<Warehouse, Reading>();

/**
 * Imports one file of any supported kind in one transaction: it lands whole or not at all. A file
 * with problems is rejected with an ImportRejected naming the file, line (or pupil) and reason; one
 * that takes longer than its time limit is stopped and rejected the same way; an import whose
 * `signal` aborts is stopped and fails with ImportCancelled. Stopped, it rolls back whole.
 */
export function importFile(warehouse: Warehouse, path: string, options: ImportOptions = {}): Promise<ImportResult> {
	const name = options.name ?? basename(path);
	const cancelled = options.signal && stoppedWith(options.signal, new ImportCancelled(name));
	return serialised(warehouse, cancelled, async () => {
		const school = options.school ?? null;
		const progress = options.onProgress ?? (() => {});
		const stop = stopper(name, options);
		let reading = readAhead.get(warehouse);
		readAhead.delete(warehouse);
		if (reading && !(reading.path === path && reading.name === name && reading.school === school && reading.stamp === stampOf(path))) {
			await endReading(warehouse, reading);
			reading = undefined;
		}
		reading ??= startReading(warehouse, path, name, school, stop.signal);
		let read = 0;
		reading.progress = (f) => progress('reading', (read = f));
		try {
			await reading.file;
			stop.signal.throwIfAborted();
			if (read < 1) progress('reading', 1); // read ahead
			return await importChecked(warehouse, reading, options, stop.signal);
		} catch (error) {
			// whatever a stopped import's statements threw (an interrupted read, a rejection), it was stopped
			throw stop.signal.aborted ? (stop.signal.reason as Error) : error;
		} finally {
			stop.done();
			await endReading(warehouse, reading);
		}
	});
}

/**
 * The import's own signal (what its first pass, staging and transaction stop on): aborts with
 * ImportCancelled when the caller's does, with a rejection naming the limit when the time is up, and
 * when the import ends.
 */
function stopper(name: string, options: ImportOptions): { signal: AbortSignal; done: () => void } {
	const seconds = options.timeoutSeconds;
	const controller = new AbortController();
	const cancel = () => controller.abort(new ImportCancelled(name));
	if (options.signal?.aborted) cancel();
	options.signal?.addEventListener('abort', cancel, { once: true });
	const timer =
		seconds === undefined
			? undefined
			: setTimeout(() => {
					const reason = `importing it took longer than the ${seconds} s allowed (ATTENDANCE_IMPORT_TIMEOUT_S): split it (a term at a time), or ask the administrator to raise the limit`;
					controller.abort(new ImportRejected(name, [{ reason }]));
				}, seconds * 1000);
	return {
		signal: controller.signal,
		// the import has ended (landed, rejected or stopped): a staging still reading the file is interrupted
		done: () => {
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', cancel);
			controller.abort(new Error('the import has ended'));
		}
	};
}

/** `signal`, aborting with `reason`. */
function stoppedWith(signal: AbortSignal, reason: Error): AbortSignal {
	const controller = new AbortController();
	if (signal.aborted) controller.abort(reason);
	else signal.addEventListener('abort', () => controller.abort(reason), { once: true });
	return controller.signal;
}

async function importChecked(warehouse: Warehouse, reading: Reading, options: ImportOptions, signal: AbortSignal): Promise<ImportResult> {
	const { name } = reading;
	const progress = options.onProgress ?? (() => {});
	const file = await reading.file;
	// the next file is read (and staged) while this one is checked and merged
	if (options.next && !readAhead.has(warehouse))
		readAhead.set(warehouse, startReading(warehouse, options.next, basename(options.next), options.school ?? null));
	const { kind, header } = await detectKind(file);
	const [identical] = await warehouse.read('ingest/find_identical_import', { sha256: file.sha256 });
	if (identical) {
		progress('done', 1);
		return {
			file: name,
			kind,
			status: 'identical',
			importId: identical.import_id as number,
			rowsRead: 0,
			added: 0,
			amended: 0,
			unchanged: 0,
			unit: kind.startsWith('register') || kind === 'ctf' ? 'marks' : 'rows',
			warnings: [],
			message: `${name} is identical to import #${identical.import_id} (${identical.file_name}, ${identical.finished_at}): nothing changed`
		};
	}
	if (kind === 'register-long') progress('checking', 0);
	const staged = kind === 'register-long' ? await reading.staging : undefined;
	signal.throwIfAborted();
	const startedAt = new Date().toISOString();
	const result = await warehouse.write(async (conn) => {
		const [{ import_id }] = await runFile(conn, 'ingest/begin_import', {
			file_name: name,
			sha256: file.sha256,
			kind,
			school: options.school ?? null,
			started_at: startedAt
		});
		const ctx: LoadContext = {
			conn,
			file,
			importId: import_id as number,
			school: options.school ?? null,
			changedAt: startedAt,
			stage: (stage) => progress(stage, 0),
			warnings: [],
			staged
		};
		const counts = await LOADERS[kind](ctx, header as CsvHeader);
		const message = summary(name, kind, counts);
		await runFile(conn, 'ingest/finish_import', {
			import_id: import_id as number,
			rows_read: counts.rowsRead,
			added: counts.added,
			amended: counts.amended,
			unchanged: counts.unchanged,
			message,
			finished_at: new Date().toISOString()
		});
		return { ...counts, file: name, kind, status: 'loaded' as const, importId: import_id as number, warnings: ctx.warnings, message };
	}, { signal });
	progress('done', 1);
	return result;
}

function summary(name: string, kind: ImportKind, c: LoadCounts): string {
	return `${name} (${KIND_LABELS[kind]}): ${c.rowsRead} rows read, ${c.added} ${c.unit} added, ${c.amended} amended, ${c.unchanged} unchanged`;
}

export function isImportRejected(error: unknown): error is ImportRejected {
	return error instanceof ImportRejected;
}
