// Shared by the reliability tests (kill, concurrency, e2e kill): a big generated long register streamed
// to a file, and a child-process probe that opens a warehouse the way the app does and fingerprints it.
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { upn as withCheckLetter } from '../helpers/upn';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');

/** Weekdays from `start` (YYYY-MM-DD) through the school year, skipping August, `count` of them. */
export function schoolDays(start: string, count: number): string[] {
	const days: string[] = [];
	for (let t = Date.parse(`${start}T00:00:00Z`); days.length < count; t += 86_400_000) {
		const d = new Date(t);
		if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && d.getUTCMonth() !== 7) days.push(d.toISOString().slice(0, 10));
	}
	return days;
}

/** The UPN of generated pupil `n` (digits 99000… so they never meet the samples' pupils). */
export function generatedUpn(n: number): string {
	return withCheckLetter(`99000${String(n).padStart(7, '0')}`);
}

/**
 * Streams a long register of `marks` marks (AM and PM of each school day for each pupil, from
 * `start`) to `path`. By default present (/ \) except every 13th pupil-day, an illness (I I);
 * `code(pupil, day)` chooses the day's mark instead. Returns the marks written.
 */
export async function writeBigRegister(
	path: string,
	marks: number,
	options: { pupils?: number; start?: string; code?: (pupil: number, day: number) => [string, string] } = {}
): Promise<number> {
	const pupils = options.pupils ?? Math.max(1, Math.ceil(marks / 380));
	const code = options.code ?? ((p: number, d: number): [string, string] => ((p + d) % 13 === 0 ? ['I', 'I'] : ['/', '\\']));
	const days = schoolDays(options.start ?? '2023-09-04', Math.ceil(marks / pupils / 2));
	const out = createWriteStream(path);
	out.write('UPN,Date,Session,Mark\n');
	let written = 0;
	const upns = Array.from({ length: pupils }, (_, p) => generatedUpn(p));
	for (const [d, date] of days.entries()) {
		let chunk = '';
		for (let p = 0; p < pupils && written < marks; p++) {
			const [am, pm] = code(p, d);
			chunk += `${upns[p]},${date},AM,${am}\n`;
			if (++written < marks) {
				chunk += `${upns[p]},${date},PM,${pm}\n`;
				written++;
			}
		}
		if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
		if (written >= marks) break;
	}
	await new Promise<void>((r) => out.end(() => r()));
	return written;
}

const exec = promisify(execFile);

export interface Probe {
	fingerprint: Record<string, string>;
	/** Tables and views in the warehouse's main schema (staging tables would show here). */
	tables: string[];
	marks: number;
	schools: number[];
}

/** Opens the warehouse in a child process, as the app and CLI do (Warehouse.open), and fingerprints it. */
export async function probe(db: string): Promise<Probe> {
	const { stdout } = await exec('npx', ['tsx', join(HERE, 'reliability-probe.ts'), db], { cwd: ROOT, maxBuffer: 1 << 24 });
	return JSON.parse(stdout.trim().split('\n').pop()!);
}
