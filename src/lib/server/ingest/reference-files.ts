import { ALIASES, column, CsvHeader } from './csv';
import { defaultSchool, readCsv, rejectOnProblems, run, type LoadContext, type LoadCounts } from './context';

/** The characteristics, intervention, term-date and school files: header fields and loaders. */
const FIELDS = {
	pupils: {
		upn: ALIASES.upn,
		urn: ALIASES.urn,
		forename: ['forename', 'firstname', 'legalforename', 'givenname', 'preferredforename'],
		surname: ['surname', 'lastname', 'legalsurname', 'familyname'],
		dob: ['dateofbirth', 'dob', 'birthdate'],
		sex: ['sex', 'gender'],
		year_group: ['yeargroup', 'ncyear', 'ncy', 'nationalcurriculumyear', 'year'],
		form: ['form', 'class', 'reggroup', 'registrationgroup', 'tutorgroup'],
		fsm: ['fsm', 'fsmeligible', 'freeschoolmeals', 'fsmeligibility'],
		pupil_premium: ['pupilpremium', 'pp', 'ppeligible'],
		sen: ['sen', 'senprovision', 'senstatus'],
		eal: ['eal', 'englishasanadditionallanguage'],
		ethnicity: ['ethnicity', 'ethniccode', 'ethnicitycode'],
		cla: ['cla', 'lookedafter', 'lookedafterchild', 'inlacare'],
		cin: ['cin', 'childinneed'],
		cpp: ['cpp', 'childprotectionplan'],
		young_carer: ['youngcarer'],
		admission: ['admissiondate', 'dateofadmission', 'entrydate'],
		leaving: ['leavingdate', 'dateofleaving', 'leavedate']
	},
	interventions: {
		upn: ALIASES.upn,
		urn: ALIASES.urn,
		type: ['type', 'interventiontype', 'intervention', 'action'],
		start: ['startdate', 'start', 'datestarted', 'date'],
		end: ['enddate', 'end', 'dateended'],
		review: ['reviewdate', 'review'],
		target: ['target'],
		notes: ['notes', 'note', 'comments', 'comment'],
		staff: ['staff', 'staffmember', 'owner', 'recordedby']
	},
	termDates: {
		urn: ALIASES.urn,
		academic_year: ['academicyear', 'year'],
		term: ['term'],
		half_term: ['halfterm', 'halftermname', 'name'],
		start: ['startdate', 'start', 'firstday'],
		end: ['enddate', 'end', 'lastday']
	},
	schools: {
		urn: ['urn', 'schoolurn'],
		name: ['name', 'schoolname', 'establishmentname'],
		la: ['la', 'lea', 'lacode', 'localauthority'],
		estab: ['estab', 'establishmentnumber', 'dfenumber', 'dfe'],
		phase: ['phase', 'phaseofeducation']
	}
} as const;

type Kind = keyof typeof FIELDS;

function slots<K extends Kind>(header: CsvHeader, kind: K) {
	const found: Record<string, string> = {};
	for (const [field, aliases] of Object.entries(FIELDS[kind])) found[field] = column(header.find(aliases));
	return found;
}

const has = (header: CsvHeader, aliases: readonly string[]) => header.find(aliases) > 0;

export function isTermDates(h: CsvHeader): boolean {
	const f = FIELDS.termDates;
	return has(h, f.start) && has(h, f.end) && has(h, f.half_term) && !has(h, ALIASES.upn);
}
export function isInterventions(h: CsvHeader): boolean {
	const f = FIELDS.interventions;
	return has(h, f.upn) && has(h, f.type) && has(h, f.start);
}
export function isPupils(h: CsvHeader): boolean {
	const f = FIELDS.pupils;
	const characteristics = [f.forename, f.surname, f.sex, f.year_group, f.fsm, f.sen, f.ethnicity, f.dob];
	return has(h, f.upn) && characteristics.some((a) => has(h, a));
}
export function isSchools(h: CsvHeader): boolean {
	const f = FIELDS.schools;
	return has(h, f.urn) && has(h, f.name) && !has(h, ALIASES.upn);
}

const counts = (rowsRead: number, row: Record<string, unknown>, unit: string): LoadCounts => ({
	rowsRead,
	added: row.added as number,
	amended: row.amended as number,
	unchanged: row.unchanged as number,
	unit
});

/** Pupils' characteristics: UPN, names, date of birth, sex, year group, form, FSM, PP, SEN, EAL, … */
export async function loadPupils(ctx: LoadContext, header: CsvHeader): Promise<LoadCounts> {
	const rowsRead = await readCsv(ctx, header);
	const found = slots(header, 'pupils');
	// admission and leaving dates belong to a school: a file without a URN column gives them to --school, else
	// to the warehouse's only school (as a register does); characteristics alone need no school
	const hasDates = found.admission !== 'NULL' || found.leaving !== 'NULL';
	const school = ctx.school !== null || (found.urn === 'NULL' && hasDates) ? await defaultSchool(ctx, false) : null;
	ctx.stage('checking');
	await run(ctx, 'ingest/stage_pupils', { school }, found);
	await rejectOnProblems(ctx);
	ctx.stage('merging');
	const flags = Object.fromEntries(Object.keys(FIELDS.pupils).map((f) => [`has_${f}`, found[f] !== 'NULL']));
	const [row] = await run(ctx, 'ingest/merge_pupils', { ...flags, import_id: ctx.importId });
	return counts(rowsRead, row, 'pupils');
}

/** Intervention log: UPN, type, start date, optional end and review dates, target, notes, staff. */
export async function loadInterventions(ctx: LoadContext, header: CsvHeader): Promise<LoadCounts> {
	const rowsRead = await readCsv(ctx, header);
	const school = ctx.school !== null ? await defaultSchool(ctx, false) : null;
	ctx.stage('checking');
	await run(ctx, 'ingest/stage_interventions', { school }, slots(header, 'interventions'));
	await rejectOnProblems(ctx);
	ctx.stage('merging');
	const [row] = await run(ctx, 'ingest/merge_interventions', { import_id: ctx.importId, changed_at: ctx.changedAt });
	return counts(rowsRead, row, 'interventions');
}

/** Term dates: academic year, term, half-term, start and end dates (for one school, or all). */
export async function loadTermDates(ctx: LoadContext, header: CsvHeader): Promise<LoadCounts> {
	const rowsRead = await readCsv(ctx, header);
	const school = ctx.school !== null ? await defaultSchool(ctx, false) : null;
	ctx.stage('checking');
	await run(ctx, 'ingest/stage_term_dates', { school_for_terms: school }, slots(header, 'termDates'));
	await rejectOnProblems(ctx);
	ctx.stage('merging');
	const [row] = await run(ctx, 'ingest/merge_term_dates', { import_id: ctx.importId });
	return counts(rowsRead, row, 'half-terms');
}

/** Schools: URN, name, LA code, establishment number, phase. */
export async function loadSchools(ctx: LoadContext, header: CsvHeader): Promise<LoadCounts> {
	const rowsRead = await readCsv(ctx, header);
	ctx.stage('checking');
	await run(ctx, 'ingest/stage_schools', undefined, slots(header, 'schools'));
	await rejectOnProblems(ctx);
	ctx.stage('merging');
	const [row] = await run(ctx, 'ingest/merge_schools');
	return counts(rowsRead, row, 'schools');
}
