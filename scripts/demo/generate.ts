// Generates the CSV files of a realistic demo multi-academy trust: schools, term dates, pupils,
// a register per school per academic year (2023/24 to 2025/26), register amendments and
// attendance interventions. Deterministic: the same options and seed give byte-identical files.
//
//   npx tsx scripts/demo/generate.ts [outDir] [--pupils 1500] [--schools 4] [--seed 1]

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AcademicYear, buildCalendar } from './calendar';
import { CsvStream, writeCsv } from './csv-writer';
import { INTERVENTIONS_HEADER, type Intervention } from './interventions';
import { Rng, mixSeed } from './prng';
import { AMENDMENTS_HEADER, writeSchoolYearRegister } from './register';
import { type Pupil, type Trust, makeTrust, onRollRange, yearGroupIn, yearGroupLabel } from './roster';

export interface DemoOptions {
	/** Distinct pupils across the trust over the three years (rows of pupils.csv). */
	pupils: number;
	/** Schools in the trust: primary and secondary alternate, starting with a primary. */
	schools: number;
	seed?: number;
}

export interface DemoFiles {
	dir: string;
	/** In the order they must be imported. */
	files: string[];
	/** Register rows written. */
	marks: number;
}

const SCHOOLS_HEADER = 'URN,Name,LA,Estab,Phase';
const TERM_DATES_HEADER = 'academic_year,term,half_term,start_date,end_date';
const PUPILS_HEADER =
	'URN,UPN,Forename,Surname,DateOfBirth,Sex,YearGroup,Form,FSM,PupilPremium,SEN,EAL,Ethnicity,CLA,CIN,CPP,YoungCarer,AdmissionDate,LeavingDate';

export async function generateDemo(outDir: string, opts: DemoOptions): Promise<DemoFiles> {
	if (!Number.isInteger(opts.pupils) || opts.pupils < 1) throw new Error('pupils must be a positive integer');
	if (!Number.isInteger(opts.schools) || opts.schools < 1) throw new Error('schools must be a positive integer');
	const seed = opts.seed ?? 1;
	fs.mkdirSync(outDir, { recursive: true });
	const years = buildCalendar();
	const trust = makeTrust(opts.pupils, opts.schools, new Rng(mixSeed(seed, 0)), years);
	const file = (name: string) => path.join(outDir, name);

	const files = [file('schools.csv'), file('term-dates.csv'), file('pupils.csv')];
	await writeSchools(files[0], trust);
	await writeTermDates(files[1], years);
	await writePupils(files[2], trust, years);

	// Registers, year by year (so that interventions and their effects carry forward in time).
	const registers: string[] = [];
	const amendmentFiles: string[] = [];
	const interventions: Intervention[] = [];
	let marks = 0;
	for (const [y, year] of years.entries()) {
		const amendments = new CsvStream(file(amendmentsFileName(year)), AMENDMENTS_HEADER);
		for (const school of trust.schools) {
			const result = await writeSchoolYearRegister({
				school,
				year,
				pupils: trust.pupils.filter((p) => p.school === school),
				rng: new Rng(mixSeed(seed, school.urn, year.startYear)),
				outDir,
				amendments,
				interventions,
				finalYear: y === years.length - 1
			});
			registers.push(result.file);
			marks += result.marks;
		}
		await amendments.close();
		amendmentFiles.push(amendments.path);
	}

	const interventionsFile = file('interventions.csv');
	await writeInterventions(interventionsFile, interventions);
	return { dir: outDir, files: [...files, ...registers, ...amendmentFiles, interventionsFile], marks };
}

/** One amendments export per academic year, dated the August after it. */
function amendmentsFileName(year: AcademicYear): string {
	return `register-amendments-${year.startYear + 1}-08.csv`;
}

async function writeSchools(file: string, trust: Trust): Promise<void> {
	await writeCsv(file, SCHOOLS_HEADER, trust.schools.map((s) => [s.urn, s.name, s.la, s.estab, s.phase]));
}

async function writeTermDates(file: string, years: AcademicYear[]): Promise<void> {
	const rows = years.flatMap((y) => y.halfTerms.map((h) => [h.academicYear, h.term, h.halfTerm, h.start, h.end]));
	await writeCsv(file, TERM_DATES_HEADER, rows);
}

const yn = (b: boolean) => (b ? 'Y' : 'N');

async function writePupils(file: string, trust: Trust, years: AcademicYear[]): Promise<void> {
	const pupils = [...trust.pupils].sort((a, b) => a.school.urn - b.school.urn || (a.upn < b.upn ? -1 : 1));
	const rows = pupils.map((p) => {
		const { yearGroup, leavingDate } = lastYearOnRoll(p, years);
		const yg = yearGroupLabel(yearGroup);
		return [
			p.school.urn, p.upn, p.forename, p.surname, p.dateOfBirth, p.sex, yg, `${yg}${p.formLetter}`,
			yn(p.fsm), yn(p.pupilPremium), p.sen, yn(p.eal), p.ethnicity.code,
			yn(p.cla), yn(p.cin), yn(p.cpp), yn(p.youngCarer), p.admissionDate, leavingDate
		];
	});
	await writeCsv(file, PUPILS_HEADER, rows);
}

/** The year group in the last year on roll, and the leaving date if the pupil has left by the end. */
function lastYearOnRoll(pupil: Pupil, years: AcademicYear[]): { yearGroup: number; leavingDate: string } {
	for (let y = years.length - 1; y >= 0; y--) {
		const range = onRollRange(pupil, years[y]);
		if (!range) continue;
		const yearGroup = yearGroupIn(pupil, years[y].startYear);
		const leftMidYear = pupil.leaveYear === years[y].startYear;
		const leftAtEnd = yearGroup === pupil.school.maxYearGroup; // Year 6 / Year 11 leavers
		return { yearGroup, leavingDate: leftMidYear || leftAtEnd ? years[y].days[range[1]].iso : '' };
	}
	throw new Error(`pupil ${pupil.upn} is never on roll`);
}

async function writeInterventions(file: string, interventions: Intervention[]): Promise<void> {
	const sorted = [...interventions].sort(
		(a, b) => a.urn - b.urn || a.start.localeCompare(b.start) || a.upn.localeCompare(b.upn)
	);
	const rows = sorted.map((i) => [i.urn, i.upn, i.type, i.start, i.end, i.review, i.target, i.notes, i.staff]);
	await writeCsv(file, INTERVENTIONS_HEADER, rows);
}

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv: string[]): { outDir: string; opts: DemoOptions } {
	let outDir = 'data/demo';
	const opts: DemoOptions = { pupils: 1500, schools: 4 };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => Number(argv[++i]);
		if (arg === '--pupils') opts.pupils = value();
		else if (arg === '--schools') opts.schools = value();
		else if (arg === '--seed') opts.seed = value();
		else if (!arg.startsWith('--')) outDir = arg;
		else throw new Error(`unknown option ${arg}`);
	}
	return { outDir, opts };
}

async function main(): Promise<void> {
	const { outDir, opts } = parseArgs(process.argv.slice(2));
	const started = performance.now();
	const result = await generateDemo(outDir, opts);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`${result.files.length} files, ${result.marks.toLocaleString('en-GB')} marks in ${seconds}s → ${outDir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((err) => {
		console.error(err);
		process.exit(1);
	});
}
