// The demo trust's schools and pupils: cohorts that move up each September, Reception / Year 7
// intakes, mid-year joiners and leavers, pupil characteristics and each pupil's absence traits.

import {
	type AcademicYear,
	firstDayOfAutumn,
	dayNumber,
	isoDate,
	lastFridayOfJune
} from './calendar';
import { Rng } from './prng';
import { UpnAllocator } from './upn';
import {
	ETHNICITIES,
	type Ethnicity,
	NAMES,
	PLACES,
	PRIMARY_FORM_LETTERS,
	SECONDARY_FORM_LETTERS,
	STAFF
} from './names';

export const LA_CODE = '873';
const OTHER_LA_CODES = ['872', '874', '330', '919', '938', '886'];

export type Phase = 'Primary' | 'Secondary';

export interface School {
	index: number;
	urn: number;
	name: string;
	la: string;
	estab: string;
	phase: Phase;
	minYearGroup: number; // 0 = Reception
	maxYearGroup: number;
	formLetters: string[];
	staff: string[]; // attendance officer first, then others who amend registers
	/** Closures by academic start year: school-day index → code ('#' INSET, 'Y'/'Y2'/'Y4' snow). */
	closures: Map<number, Map<number, string>>;
}

export type Sen = 'N' | 'K' | 'E';

export interface Pupil {
	school: School;
	upn: string;
	forename: string;
	surname: string;
	dateOfBirth: string;
	sex: 'M' | 'F';
	yearGroup2023: number; // year group in 2023/24 (below Reception / above Y6 for later / earlier cohorts)
	formLetter: string;
	fsm: boolean;
	pupilPremium: boolean;
	sen: Sen;
	eal: boolean;
	ethnicity: Ethnicity;
	cla: boolean;
	cin: boolean;
	cpp: boolean;
	youngCarer: boolean;
	admissionDate: string;
	/** Mid-year join: academic start year and school-day index of the first day on roll. */
	joinYear: number;
	joinIndex: number;
	/** Mid-year leave: academic start year and school-day index of the last day on roll (-1 = none). */
	leaveYear: number;
	leaveIndex: number;
	// Absence traits
	risk: number; // absence propensity multiplier (mean about 1 before characteristics)
	lateness: number; // probability of arriving late to an AM session
	severeFromYearGroup: number; // year group from which absence becomes severe (99 = never)
	severeLevel: number; // share of days missed once severe
	holidayRate: number; // chance per year of a term-time holiday
	sporty: boolean;
	observesEid: boolean;
	observesDiwali: boolean;
	/** Carried effect of an intervention that worked last year (1 = none). */
	carriedEffect: number;
}

export interface Trust {
	schools: School[];
	pupils: Pupil[];
}

/** Year group display value: 0 → 'R'. */
export function yearGroupLabel(yg: number): string {
	return yg === 0 ? 'R' : String(yg);
}

export function yearGroupIn(pupil: Pupil, startYear: number): number {
	return pupil.yearGroup2023 + (startYear - 2023);
}

/** The school-day indices [first, last] a pupil is on roll in a year, or null. */
export function onRollRange(pupil: Pupil, year: AcademicYear): [number, number] | null {
	const { startYear } = year;
	const yg = yearGroupIn(pupil, startYear);
	if (yg < pupil.school.minYearGroup || yg > pupil.school.maxYearGroup) return null;
	if (pupil.joinYear > startYear) return null;
	if (pupil.leaveYear >= 0 && pupil.leaveYear < startYear) return null;
	const first = pupil.joinYear === startYear ? pupil.joinIndex : 0;
	const last = pupil.leaveYear === startYear ? pupil.leaveIndex : naturalLastDay(pupil.school, yg, year);
	return [first, last];
}

/** Last day on roll for the year: Year 11 leave on the last Friday in June. */
function naturalLastDay(school: School, yg: number, year: AcademicYear): number {
	if (yg !== 11 || school.phase !== 'Secondary') return year.days.length - 1;
	const leavingDay = dayNumber(lastFridayOfJune(year.startYear + 1));
	let i = year.days.length - 1;
	while (i > 0 && year.days[i].day > leavingDay) i--;
	return i;
}

// ---------------------------------------------------------------------------------------------
// Schools

function makeSchools(count: number, rng: Rng, years: AcademicYear[]): School[] {
	const schools: School[] = [];
	for (let i = 0; i < count; i++) {
		const phase: Phase = i % 2 === 0 ? 'Primary' : 'Secondary';
		const place = PLACES[i % PLACES.length] + (i >= PLACES.length ? ` ${Math.floor(i / PLACES.length) + 1}` : '');
		const name = phase === 'Primary' ? `${place} Primary Academy` : rng.pick([`${place} Academy`, `${place} High School`]);
		const estab = phase === 'Primary' ? 2001 + i * 7 + rng.int(0, 5) : 4001 + i * 7 + rng.int(0, 5);
		const letters = phase === 'Primary' ? PRIMARY_FORM_LETTERS : SECONDARY_FORM_LETTERS;
		const offset = rng.int(0, letters.length - 1);
		const school: School = {
			index: i,
			urn: 140001 + i,
			name,
			la: LA_CODE,
			estab: String(estab),
			phase,
			minYearGroup: phase === 'Primary' ? 0 : 7,
			maxYearGroup: phase === 'Primary' ? 6 : 11,
			formLetters: [...letters.slice(offset), ...letters.slice(0, offset)],
			staff: rng.shuffle([...STAFF]).slice(0, 3),
			closures: new Map()
		};
		for (const year of years) school.closures.set(year.startYear, plannedClosures(school, year, rng));
		schools.push(school);
	}
	return schools;
}

/** About five INSET days (whole school, '#') and, in 2023/24 and 2025/26, one snow day. */
function plannedClosures(school: School, year: AcademicYear, rng: Rng): Map<number, string> {
	const days = year.days;
	const firstOf = (h: number) => days.findIndex((d) => d.halfTerm === h);
	const lastOf = (h: number) => days.findLastIndex((d) => d.halfTerm === h);
	const inset = new Set<number>([firstOf(0), firstOf(2)]);
	inset.add(school.phase === 'Primary' || rng.chance(0.5) ? 1 : lastOf(0));
	inset.add(rng.chance(0.5) ? lastOf(4) : lastOf(5)); // a Friday in the summer (or the last day)
	inset.add(rng.chance(0.5) ? firstOf(1) : firstOf(5));
	while (inset.size < 5) inset.add(lastOf(rng.int(0, 5)));
	const closures = new Map<number, string>();
	for (const i of inset) closures.set(i, '#');

	const snow: Record<number, { dates: string[]; codes: string[] }> = {
		2023: { dates: ['2024-01-16', '2024-01-17', '2024-01-18', '2024-01-19'], codes: ['Y'] },
		2025: { dates: ['2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'], codes: ['Y2', 'Y4'] }
	};
	const winter = snow[year.startYear];
	if (winter) {
		const iso = rng.pick(winter.dates);
		const i = days.findIndex((d) => d.iso === iso);
		if (i >= 0 && !closures.has(i)) closures.set(i, rng.pick(winter.codes));
	}
	return closures;
}

// ---------------------------------------------------------------------------------------------
// Pupils

/** Splits total into integer parts proportional to weights (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (total * w) / sum);
	const parts = exact.map(Math.floor);
	let left = total - parts.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
	return parts;
}

interface Context {
	rng: Rng;
	years: AcademicYear[];
	upns: UpnAllocator;
	feederEstabs: string[];
}

export function makeTrust(pupilCount: number, schoolCount: number, rng: Rng, years: AcademicYear[]): Trust {
	const schools = makeSchools(schoolCount, rng, years);
	// Secondary rolls are bigger: weights per school of the distinct pupils seen over the years.
	const weights = schools.map((s) => (s.phase === 'Primary' ? 1 : 2.6) * (0.85 + 0.3 * rng.next()));
	const perSchool = apportion(pupilCount, weights);
	const feederEstabs = [
		...schools.filter((s) => s.phase === 'Primary').map((s) => s.estab),
		...Array.from({ length: 6 }, () => String(rng.int(2100, 3499)))
	];
	const ctx: Context = { rng, years, upns: new UpnAllocator(), feederEstabs };
	const pupils: Pupil[] = [];
	schools.forEach((school, i) => pupils.push(...makeSchoolPupils(school, perSchool[i], ctx)));
	return { schools, pupils };
}

/**
 * A school's distinct pupils over the three years: one cohort per intake (two more than the
 * school has year groups) plus mid-year joiners (about 5% of the roll a year).
 */
function makeSchoolPupils(school: School, total: number, ctx: Context): Pupil[] {
	const { rng, years } = ctx;
	const yearGroups = school.maxYearGroup - school.minYearGroup + 1;
	const cohortCount = yearGroups + years.length - 1;
	const cohortSize = total / (cohortCount + 0.05 * years.length * yearGroups);
	const joiners = Math.min(total, Math.round(0.05 * years.length * yearGroups * cohortSize));
	const sizes = apportion(
		total - joiners,
		Array.from({ length: cohortCount }, () => Math.max(0.5, 1 + 0.07 * rng.normal()))
	);
	const formCount = Math.max(1, Math.round(cohortSize / 30));
	const pupils: Pupil[] = [];

	// Cohorts, oldest first: yearGroup2023 from maxYearGroup down to minYearGroup - (years - 1).
	sizes.forEach((size, c) => {
		const yg2023 = school.maxYearGroup - c;
		for (let k = 0; k < size; k++) {
			const entryYear = 2023 + (school.minYearGroup - yg2023);
			const pupil = makePupil(school, yg2023, ctx, null);
			pupil.formLetter = school.formLetters[k % formCount];
			pupil.admissionDate = firstDayOfAutumn(entryYear);
			pupils.push(pupil);
		}
	});

	// Mid-year joiners, spread over the years, into any year group.
	const perYear = apportion(joiners, years.map(() => 1));
	years.forEach((year, y) => {
		for (let k = 0; k < perYear[y]; k++) {
			const yg = rng.int(school.minYearGroup, school.maxYearGroup);
			const pupil = makePupil(school, yg - (year.startYear - 2023), ctx, year);
			const lastDay = onRollRange({ ...pupil, joinYear: -1 }, year)![1];
			pupil.joinYear = year.startYear;
			pupil.joinIndex = pickJoinDay(school, year, 3, Math.max(3, lastDay - 10), rng);
			pupil.admissionDate = year.days[pupil.joinIndex].iso;
			pupil.formLetter = school.formLetters[rng.int(0, formCount - 1)];
			pupils.push(pupil);
		}
	});

	for (const pupil of pupils) chooseLeaving(pupil, ctx);
	return pupils;
}

/** A school day in [from, to] that is not a closure. */
function pickJoinDay(school: School, year: AcademicYear, from: number, to: number, rng: Rng): number {
	const closures = school.closures.get(year.startYear)!;
	for (;;) {
		const i = rng.int(from, Math.min(to, year.days.length - 1));
		if (!closures.has(i)) return i;
	}
}

/** About 4-5% of pupils leave each year (more among the most absent); none after leaving. */
function chooseLeaving(pupil: Pupil, ctx: Context): void {
	const { rng, years } = ctx;
	for (const year of years) {
		const range = onRollRange(pupil, year);
		if (!range) continue;
		const p = 0.045 * (pupil.risk > 2 ? 1.7 : 1);
		if (!rng.chance(p)) continue;
		const [first, last] = range;
		if (last - first < 20) continue;
		pupil.leaveYear = year.startYear;
		pupil.leaveIndex = pickJoinDay(pupil.school, year, first + 10, last - 5, rng);
		return;
	}
}

function makePupil(school: School, yearGroup2023: number, ctx: Context, joinedIn: AcademicYear | null): Pupil {
	const { rng } = ctx;
	const sex: 'M' | 'F' = rng.chance(0.51) ? 'M' : 'F';
	const ethnicity = rng.weighted(ETHNICITIES.map((e) => [e, e.share] as const));
	const names = NAMES[ethnicity.names];
	const fsm = rng.chance(joinedIn ? 0.32 : 0.25);
	const sen: Sen = senStatus(rng, sex, fsm, school.phase);
	const cla = rng.chance(0.01);
	const cin = cla || rng.chance(fsm ? 0.06 : 0.02);
	const cpp = cin && rng.chance(0.3);
	const youngCarer = rng.chance(fsm ? 0.035 : 0.015);
	const pupil: Pupil = {
		school,
		upn: allocateUpn(school, yearGroup2023, ctx, joinedIn),
		forename: rng.pick(sex === 'M' ? names.boys : names.girls),
		surname: rng.pick(names.surnames),
		dateOfBirth: birthDate(yearGroup2023, rng),
		sex,
		yearGroup2023,
		formLetter: '',
		fsm,
		pupilPremium: fsm || cla || rng.chance(0.06),
		sen,
		eal: rng.chance(ethnicity.eal),
		ethnicity,
		cla,
		cin,
		cpp,
		youngCarer,
		admissionDate: '',
		joinYear: -1,
		joinIndex: 0,
		leaveYear: -1,
		leaveIndex: -1,
		risk: 1,
		lateness: 0,
		severeFromYearGroup: 99,
		severeLevel: 0,
		holidayRate: 0,
		sporty: rng.chance(0.12),
		observesEid: rng.chance(ethnicity.muslim ?? 0),
		observesDiwali: rng.chance(ethnicity.hindu ?? 0),
		carriedEffect: 1
	};
	setAbsenceTraits(pupil, rng, joinedIn !== null);
	return pupil;
}

/** SEN support about 13%, EHCP about 3%: more common among boys and FSM pupils. */
function senStatus(rng: Rng, sex: 'M' | 'F', fsm: boolean, phase: Phase): Sen {
	const k = (sex === 'M' ? 0.155 : 0.1) * (fsm ? 1.35 : 0.9);
	const e = (sex === 'M' ? 0.04 : 0.018) * (fsm ? 1.3 : 0.9) * (phase === 'Primary' ? 1 : 0.9);
	const x = rng.next();
	return x < e ? 'E' : x < e + k ? 'K' : 'N';
}

/** Born between 1 September and 31 August so as to be in yearGroup2023 in 2023/24. */
function birthDate(yearGroup2023: number, rng: Rng): string {
	const from = dayNumber(`${2023 - 5 - yearGroup2023}-09-01`);
	const to = dayNumber(`${2023 - 4 - yearGroup2023}-08-31`);
	return isoDate(rng.int(from, to));
}

/**
 * UPNs are allocated when a child first starts school: by the primary itself, by a feeder primary
 * for secondary pupils, and often by another LA for mid-year joiners.
 */
function allocateUpn(school: School, yearGroup2023: number, ctx: Context, joinedIn: AcademicYear | null): string {
	const { rng } = ctx;
	const receptionYear = 2023 - yearGroup2023;
	if (joinedIn && rng.chance(0.6)) {
		return ctx.upns.allocate(rng.pick(OTHER_LA_CODES), String(rng.int(2000, 3999)), receptionYear);
	}
	const estab = school.phase === 'Primary' ? school.estab : rng.pick(ctx.feederEstabs);
	return ctx.upns.allocate(LA_CODE, estab, receptionYear);
}

/**
 * Each pupil's absence propensity: a log-normal draw scaled by the characteristics that go with
 * higher absence nationally (FSM, SEN, children in need, young carers, Traveller heritage).
 */
function setAbsenceTraits(pupil: Pupil, rng: Rng, joiner: boolean): void {
	let factor = 1;
	if (pupil.fsm) factor *= 2.3;
	if (pupil.sen === 'K') factor *= 1.35;
	if (pupil.sen === 'E') factor *= 2.4;
	if (pupil.cin) factor *= 1.35;
	if (pupil.cla) factor *= 0.85;
	if (pupil.youngCarer) factor *= 1.3;
	if (pupil.ethnicity.traveller) factor *= 2.2;
	if (pupil.eal) factor *= 0.85;
	if (joiner) factor *= 1.2;
	pupil.risk = rng.skewed(0.9) * factor;

	// Lateness is concentrated: most pupils are rarely late, a few often.
	const lateBand = rng.next();
	pupil.lateness = lateBand < 0.7 ? 0.006 : lateBand < 0.94 ? 0.045 : 0.16;
	if (pupil.school.phase === 'Secondary') pupil.lateness *= 1.2;

	// Severe absence (50%+) starts for a small group, more often in secondary and with higher risk.
	const secondary = pupil.school.phase === 'Secondary';
	const pSevere = (secondary ? 0.035 : 0.025) * Math.min(3, pupil.risk);
	if (rng.chance(pSevere)) {
		pupil.severeFromYearGroup = secondary ? rng.int(7, 11) : rng.int(0, 6);
		pupil.severeLevel = 0.5 + 0.35 * rng.next();
	}

	// Term-time holidays run in some families, most often in primary.
	const habit = rng.chance(0.2) ? 0.35 : 0.035;
	pupil.holidayRate = habit * (secondary ? 0.7 : 1.3);
}

export function staffMember(school: School, rng: Rng): string {
	return rng.chance(0.7) ? school.staff[0] : rng.pick(school.staff);
}
