// Killing the CLI (SIGKILL) in the middle of an import leaves the warehouse exactly as before the
// import, and the next open (by the app's Warehouse.open and by the CLI) works without repair.
// For real: a child process imports a generated 2.5-million-mark register and is killed at points
// of its run, found from the stages it prints (ATTENDANCE_PROGRESS=1); the file is then reopened
// in other processes and fingerprinted.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../helpers/warehouse';
import { probe, ROOT, writeBigRegister, type Probe } from './reliability-register';

const BIG_MARKS = 2_500_000;
const exec = promisify(execFile);

let dir: string;
let base: string;
let big: string;
let before: Probe;

/** Copies a warehouse file and its write-ahead log (if any) to `to`. */
function copyWarehouse(from: string, to: string) {
	copyFileSync(from, to);
	if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
}

function cli(args: string[], env: Record<string, string> = {}) {
	return spawn('npx', ['tsx', 'scripts/cli.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true // its own process group: the kill reaches tsx's node child, which holds the file
	});
}

interface Run {
	/** How the CLI ended: killed by us, or its exit code. */
	signal: NodeJS.Signals | null;
	code: number | null;
	/** The stages it reached, with milliseconds since it started. */
	stages: [string, number][];
	output: string;
}

/**
 * Runs `import big --db db`, SIGKILLing the whole process group `delay` ms after it prints `stage`
 * (never, when stage is undefined).
 */
function importUntil(db: string, stage: string | undefined, delay: number): Promise<Run> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = cli(['import', big, '--db', db, '--school', '140512'], { ATTENDANCE_PROGRESS: '1' });
		const run: Run = { signal: null, code: null, stages: [], output: '' };
		let pending = '';
		const onData = (chunk: Buffer) => {
			run.output += chunk;
			pending += chunk;
			let nl: number;
			while ((nl = pending.indexOf('\n')) !== -1) {
				const line = pending.slice(0, nl);
				pending = pending.slice(nl + 1);
				const m = /^progress: (.+)$/.exec(line);
				if (!m) continue;
				run.stages.push([m[1], Date.now() - started]);
				if (m[1] === stage) setTimeout(() => kill(child.pid!), delay);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({ ...run, code, signal: signal ?? (code === null ? 'SIGKILL' : null) }));
	});
}

function kill(pid: number) {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// already gone
	}
}

async function cliSummary(db: string) {
	const { stdout } = await exec('npx', ['tsx', 'scripts/cli.ts', 'report', 'summary', '--db', db, '--format', 'json'], { cwd: ROOT });
	return JSON.parse(stdout);
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'lens-kill-'));
	base = join(dir, 'base.duckdb');
	big = join(dir, 'big-register.csv');
	// a warehouse with a year of one school's marks and its pupils, made by the CLI
	await exec('npx', ['tsx', 'scripts/cli.ts', 'import', join(SAMPLES, 'register-long-2023-24.csv'), join(SAMPLES, 'pupils.csv'), '--school', '140512', '--db', base], { cwd: ROOT });
	expect(await writeBigRegister(big, BIG_MARKS)).toBe(BIG_MARKS);
	before = await probe(base);
	expect(before.marks).toBe(5080);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true })); // the copies and the 75 MB register

describe('SIGKILL of the CLI in the middle of an import', () => {
	// each kill point: the stage line to wait for and the delay after it
	const points: [name: string, stage: string, delay: number][] = [
		['while the streaming first pass reads the file (preflight)', 'reading', 150],
		['while DuckDB reads the CSV into staging (read_csv)', 'reading done', 300],
		['while the staged marks are checked', 'checking', 300],
		['while the marks are merged (inside the transaction)', 'merging', 200]
	];

	for (const [name, stage, delay] of points)
		it(`leaves the warehouse exactly as before when killed ${name}`, async () => {
			const db = join(dir, `${stage.replace(/ /g, '-')}.duckdb`);
			copyWarehouse(base, db);
			const run = await importUntil(db, stage, delay);
			// it was killed, not finished: the import never reported its result
			expect(run.signal, run.output).toBe('SIGKILL');
			expect(run.output).not.toMatch(/marks added/);
			expect(run.stages.map((s) => s[0])).toContain(stage);
			// reopened twice from the same bytes: by the app's open code and by the CLI
			const copy = join(dir, `${stage.replace(/ /g, '-')}-cli.duckdb`);
			copyWarehouse(db, copy);
			const after = await probe(db);
			expect(after.fingerprint).toEqual(before.fingerprint);
			expect(after.tables).toEqual(before.tables); // no staging table left behind
			expect((await cliSummary(copy)).possible_sessions).toBe((await cliSummary(base)).possible_sessions);
			// DuckDB's spill folder, if any, holds nothing the next open needs
			const leftovers = readdirSync(dir).filter((f) => f.startsWith(db.split('/').pop()!) && !/\.duckdb(\.wal)?$/.test(f));
			for (const f of leftovers) expect(readdirSync(join(dir, f)).length, f).toBe(0);
		});

	it('imports the same file whole after a kill; a kill near or after the commit leaves before or after, never between', async () => {
		// a run to the end, timing the stages: the merge is the last one, ending at the commit
		const full = join(dir, 'full.duckdb');
		copyWarehouse(base, full);
		const finished = await importUntil(full, undefined, 0);
		expect(finished.code, finished.output).toBe(0);
		expect(finished.output).toMatch(/2500000 rows read, 2500000 marks added, 0 amended/);
		const complete = await probe(full);
		expect(complete.marks).toBe(before.marks + BIG_MARKS);
		const merging = finished.stages.find((s) => s[0] === 'merging')![1];
		const ended = finished.stages.find((s) => s[0] === 'done')![1];

		// killed just before the commit ends: before or after, whole
		const late = join(dir, 'late.duckdb');
		copyWarehouse(base, late);
		const lateRun = await importUntil(late, 'merging', Math.round((ended - merging) * 0.7));
		const lateProbe = await probe(late);
		const outcome = lateProbe.marks === before.marks ? 'before' : 'after';
		if (outcome === 'before') expect(lateProbe.fingerprint).toEqual(before.fingerprint);
		else expect(lateProbe.fingerprint.marks).toBe(complete.fingerprint.marks);
		// the next import of the same file lands whole (or finds the one that did)
		const again = await importUntil(late, undefined, 0);
		expect(again.code, again.output).toBe(0);
		expect((await probe(late)).fingerprint.marks).toBe(complete.fingerprint.marks);

		// killed once the import has committed, before the CLI's checkpoint: the log is replayed on the
		// next open, by the app's open code and by the CLI alike
		const committed = join(dir, 'committed.duckdb');
		copyWarehouse(base, committed);
		const committedRun = await importUntil(committed, 'done', 0);
		const cliCopy = join(dir, 'committed-cli.duckdb');
		copyWarehouse(committed, cliCopy);
		const replayed = await probe(committed);
		expect(replayed.marks).toBe(complete.marks);
		expect(replayed.fingerprint.marks).toBe(complete.fingerprint.marks);
		expect(replayed.tables).toEqual(complete.tables);
		expect((await cliSummary(cliCopy)).possible_sessions).toBe((await cliSummary(full)).possible_sessions);
		console.log(
			`kill at 70% of the merge (${lateRun.signal ?? 'finished'}): ${outcome}; ` +
				`kill after the commit (${committedRun.signal ?? 'finished'}, WAL ${existsSync(`${cliCopy}.wal`) ? 'present' : 'absent'}): after`
		);
	}, 600_000);
});
