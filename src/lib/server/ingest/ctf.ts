import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { CsvHeader } from './csv';
import { readCsv, run, runSql, type LoadContext, type LoadCounts } from './context';
import { ImportRejected, reject, type Problem } from './problems';
import { checkAndMergeMarks } from './register';
import type { TextFile } from './preflight';

export function isCtf(firstLine: string, head: string): boolean {
	return /^\s*(<\?xml|<CTfile)/.test(firstLine) && head.includes('<CTfile');
}

/**
 * One session mark of a CTF marks string: a code character, or a 2024 two-character code (C1, C2, J1,
 * Y1-Y7: a letter and a digit; no code is a digit, so the split is unambiguous).
 */
export function splitMarks(marks: string): string[] {
	return marks.match(/[A-Z][0-9]|./gsu) ?? [];
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

interface YearData {
	LEA?: unknown;
	Estab?: unknown;
	SessionsPossible?: unknown;
	SessionsAttended?: unknown;
	SessionsAuthorised?: unknown;
	SessionsUnauthorised?: unknown;
	AttendSessions?: { AttendanceStartDate?: unknown; AttendanceMarks?: unknown };
}

/**
 * CTF XML: each pupil's Attendance/YearData/AttendSessions marks string, one mark per session (AM then
 * PM) for every calendar day from AttendanceStartDate; '#' on a weekend is no session, '#' on a weekday
 * a planned closure, '-' no mark. Decoded marks are checked against the stated totals.
 */
export async function loadCtf(ctx: LoadContext): Promise<LoadCounts> {
	const { file } = ctx;
	const xml = await readFile(file.path, 'utf8');
	let doc: { CTfile?: { Header?: { SourceSchool?: Record<string, unknown> }; CTFpupilData?: { Pupil?: unknown } } };
	try {
		doc = new XMLParser({ parseTagValue: false, trimValues: true }).parse(xml, true);
	} catch (error) {
		const m = /Line:?\s*(\d+)/i.exec(String(error));
		return reject(file.name, `the XML is not well formed: ${String((error as Error).message ?? error).split('\n')[0].replace(/[.:\s]*:\d+:\d+$/, '')}`, m ? Number(m[1]) : undefined);
	}
	const source = doc.CTfile?.Header?.SourceSchool;
	const urn = Number(text(source?.URN));
	if (!source || !Number.isInteger(urn) || urn <= 0) reject(file.name, 'the CTF header has no SourceSchool URN');
	await runSql(ctx, 'INSERT INTO schools (urn, name, la_code, estab) VALUES ($urn, $name, $la, $estab) ON CONFLICT DO UPDATE SET name = coalesce(schools.name, excluded.name), la_code = coalesce(schools.la_code, excluded.la_code), estab = coalesce(schools.estab, excluded.estab)', {
		urn,
		name: text(source.SchoolName) || null,
		la: text(source.LEA) || null,
		estab: text(source.Estab) || null
	});

	const dir = await mkdtemp(join(tmpdir(), 'ctf-'));
	try {
		const marksPath = join(dir, 'marks.csv');
		const totalsPath = join(dir, 'totals.csv');
		const marksOut = createWriteStream(marksPath);
		const totals: string[] = ['line,upn,possible,attended,authorised,unauthorised'];
		const problems: Problem[] = [];
		marksOut.write('line,urn,upn,date,session,mark\n');
		const pupils = asArray(doc.CTfile?.CTFpupilData?.Pupil) as Record<string, unknown>[];
		if (pupils.length === 0) reject(file.name, 'the CTF holds no pupils');
		for (const pupil of pupils) {
			const upn = text(pupil.UPN);
			const line = lineOf(xml, `<UPN>${upn}</UPN>`);
			await runSql(ctx, 'INSERT INTO pupils (pupil_id, upn, forename, surname, updated_by_import) SELECT nextval(\'pupil_id_seq\'), $upn, $forename, $surname, $import_id WHERE NOT EXISTS (SELECT 1 FROM pupils WHERE upn = $upn) AND is_valid_upn($upn)', {
				upn,
				forename: text(pupil.Forename) || null,
				surname: text(pupil.Surname) || null,
				import_id: ctx.importId
			});
			const years = asArray((pupil.Attendance as { YearData?: YearData | YearData[] } | undefined)?.YearData);
			for (const year of years) {
				const estab = text(year.Estab);
				if (estab && text(source.Estab) && (estab !== text(source.Estab) || text(year.LEA) !== text(source.LEA))) {
					ctx.warnings.push(`pupil ${upn}: attendance at another school (LA ${text(year.LEA)}, establishment ${estab}) is not imported`);
					continue;
				}
				const start = text(year.AttendSessions?.AttendanceStartDate);
				const marks = text(year.AttendSessions?.AttendanceMarks);
				const startDate = new Date(`${start}T00:00:00Z`);
				if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(startDate.getTime())) {
					problems.push({ line, pupil: upn, reason: `AttendanceStartDate '${start}' is not a date` });
					continue;
				}
				const sessions = splitMarks(marks);
				if (sessions.length % 2 !== 0)
					problems.push({ line, pupil: upn, reason: `the marks string holds ${sessions.length} sessions: an odd number, so it cannot be whole days of AM and PM` });
				let batch = '';
				const taught = weeksWithMarks(sessions, startDate);
				sessions.forEach((mark, i) => {
					if (mark === '-') return;
					const day = new Date(startDate.getTime() + Math.floor(i / 2) * DAY);
					const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
					if (mark === '#' && (weekend || !taught.has(weekOf(day)))) return;
					const csvMark = mark === '"' || mark === ',' ? `"${mark.replace(/"/g, '""')}"` : mark;
					batch += `${line},${urn},${upn},${day.toISOString().slice(0, 10)},${i % 2 === 0 ? 'AM' : 'PM'},${csvMark}\n`;
				});
				marksOut.write(batch);
				const n = (v: unknown) => (text(v) === '' ? '' : text(v));
				totals.push([line, upn, n(year.SessionsPossible), n(year.SessionsAttended), n(year.SessionsAuthorised), n(year.SessionsUnauthorised)].join(','));
			}
		}
		await new Promise<void>((resolve, reject) => marksOut.end((err?: Error | null) => (err ? reject(err) : resolve())));
		if (problems.length) throw new ImportRejected(file.name, problems);

		const marksFile: TextFile = { ...file, path: marksPath, endsWithNewline: true, lines: 0, anchors: [] };
		const rowsRead = await readCsv({ ...ctx, file: marksFile }, CsvHeader.parse('line,urn,upn,date,session,mark'));
		await run(ctx, 'ingest/stage_ctf');
		const { writeFile } = await import('node:fs/promises');
		await writeFile(totalsPath, totals.join('\n') + '\n');
		return await checkAndMergeMarks(ctx, {
			school: urn,
			hasMinutes: false,
			rowsRead,
			extraChecks: async () => {
				await readCsv({ ...ctx, file: { ...marksFile, path: totalsPath } }, CsvHeader.parse(totals[0]));
				await run(ctx, 'ingest/ctf_totals');
				const wrong = await runSql(ctx, 'SELECT line, upn, reason FROM stage_ctf_problems');
				if (wrong.length)
					throw new ImportRejected(file.name, wrong.map((w) => ({ line: w.line as number, pupil: w.upn as string, reason: w.reason as string })));
			}
		});
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

const DAY = 86_400_000;

/** The Monday (as a day number) of the week of `day`. */
function weekOf(day: Date): number {
	return Math.floor(day.getTime() / DAY) - ((day.getUTCDay() + 6) % 7);
}

/**
 * The weeks in which the pupil has a real mark. '#' means the school had no session: inside such a
 * week it is a planned closure (an INSET day) and is kept as the '#' code; in a week with no marks
 * at all (a weekend's or a holiday's) it is no session and is not a mark.
 */
function weeksWithMarks(sessions: string[], start: Date): Set<number> {
	const weeks = new Set<number>();
	sessions.forEach((mark, i) => {
		if (mark !== '#' && mark !== '-') weeks.add(weekOf(new Date(start.getTime() + Math.floor(i / 2) * DAY)));
	});
	return weeks;
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number | undefined {
	const at = text.indexOf(needle);
	if (at === -1) return undefined;
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
	return line;
}
