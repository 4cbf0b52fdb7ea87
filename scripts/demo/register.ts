// Simulates one school's register for one academic year, day by day, and streams it to disk.
// Rows come out sorted by date, session, UPN: each school day is decided for every pupil on roll,
// then its AM rows and its PM rows are written. Memory stays O(pupils), whatever the year's size.

import path from 'node:path';
import { type AcademicYear, CODE_CHANGE_DAY, dayNumber } from './calendar';
import { isAbsence, isPossible } from './codes';
import { CsvStream } from './csv-writer';
import {
	type Intervention,
	type InterventionType,
	RESPONSE_RATE,
	describeIntervention,
	nextStep
} from './interventions';
import { Rng } from './prng';
import { type Pupil, type School, onRollRange, staffMember, yearGroupIn } from './roster';

export const REGISTER_HEADER = 'URN,UPN,Date,Session,Mark,Minutes Late';
export const AMENDMENTS_HEADER = 'URN,UPN,Date,Session,Mark,Reason,Amended By';

// Daily hazards before a pupil's own propensity is applied.
const ILLNESS_START = 0.0125; // a new illness episode starts
const UNAUTHORISED_DAY = 0.0028; // a day off without good reason
const MEDICAL_DAY = 0.0012; // a hospital appointment takes the whole day
const MEDICAL_SESSION = 0.004; // a GP / dentist appointment takes one session
const PM_ONLY = 0.0025; // goes home at lunch (sent home ill, or leaves); higher on Fridays
const ROUGH_PATCH = 3.2; // propensity multiplier during a bad spell (illness, family trouble…)

/** Illness by month: more in December to February, less in early autumn and summer 1. */
const SEASON: Record<number, number> = { 9: 0.55, 10: 0.9, 11: 1.05, 12: 1.5, 1: 1.4, 2: 1.25, 3: 1.0, 4: 0.8, 5: 0.7, 6: 0.75, 7: 0.85 };
/** By weekday (1 = Monday): illness starts and days off are likelier on Mondays and Fridays. */
const ILLNESS_DAY = [0, 1.3, 0.95, 0.9, 0.9, 1.05];
const UNAUTHORISED_WEEKDAY = [0, 1.35, 0.8, 0.75, 0.85, 1.4];
/** A gentle year-on-year improvement. */
const YEAR_TREND: Record<number, number> = { 2023: 1.0, 2024: 0.98, 2025: 0.96 };
/** Propensity by year group (0 = Reception): Years 10-11 above Year 7. */
const YEAR_GROUP: Record<number, number> = { 0: 1.1, 1: 1.0, 2: 0.95, 3: 0.92, 4: 0.92, 5: 0.93, 6: 0.95, 7: 0.85, 8: 0.97, 9: 1.05, 10: 1.12, 11: 1.18 };
const SECONDARY = 1.62;

/** Share of each true reason first entered as N (no reason yet). */
const FIRST_RECORDED_AS_N: Record<string, number> = { I: 0.15, O: 0.6, M: 0.1, G: 0.45 };

const REASONS: Record<string, string[]> = {
	I: ['Parent phoned 2 days later', 'Parent phoned next day', 'Note from parent on return', 'Email from parent', 'Illness confirmed at return-to-school chat', 'Text reply from parent: unwell'],
	O: ['No reason given after 5 school days', 'Reason given not accepted', 'Parent did not respond to calls', 'Pupil said overslept', 'Home visit: no reason given'],
	M: ['Appointment card seen', 'Dental appointment letter provided', 'Hospital letter provided', 'Parent confirmed GP appointment'],
	G: ['Family holiday confirmed on return - not authorised', 'Parent confirmed holiday abroad', 'Holiday request was refused - recorded as G']
};

/** Religious festivals on school days (Eid al-Fitr 2024 and Eid al-Adha 2026 fell in holidays). */
const FESTIVALS: { iso: string; who: 'eid' | 'diwali' }[] = [
	{ iso: '2023-11-13', who: 'diwali' },
	{ iso: '2024-06-17', who: 'eid' },
	{ iso: '2025-03-31', who: 'eid' },
	{ iso: '2025-06-06', who: 'eid' },
	{ iso: '2025-10-21', who: 'diwali' },
	{ iso: '2026-03-20', who: 'eid' }
];

/** A pupil's year at this school: their on-roll days, propensity, run state and tallies. */
interface Enrolment {
	pupil: Pupil;
	prefix: string; // 'URN,UPN,'
	first: number; // school-day indices on roll (inclusive)
	last: number;
	yearGroup: number;
	illness: number; // daily hazard of an illness starting (with propensity applied)
	unauthorised: number; // daily hazard of a day off without reason
	severe: number; // share of days missed when severely absent (0 = not)
	roughFrom: number;
	roughTo: number;
	effect: number; // multiplier once an intervention has worked
	effectFrom: number;
	runCode: string; // illness / unauthorised run in progress
	runLeft: number;
	absentYesterday: boolean;
	// Tallies for the school's attendance checks
	possible: number;
	absent: number;
	sincePossible: number;
	sinceAbsent: number;
	reviewAt: number;
	ladderClosed: boolean;
	history: InterventionType[];
	/** The latest intervention, ended by the officer when the pupil improves or the next step starts. */
	latest?: Intervention;
	// The last N recorded: its day, true reason and amendment tail ('' = left unresolved)
	amendedDay: number;
	amendedCode: string;
	amendment: string;
}

/** A planned mark for a session; soft plans (trips, sport, work experience) apply only if present. */
interface SessionPlan {
	am: string;
	amSoft: boolean;
	pm: string;
	pmSoft: boolean;
	viaN: boolean; // first recorded as N, the reason added later (term-time holidays)
}

export interface SchoolYearContext {
	school: School;
	year: AcademicYear;
	pupils: Pupil[]; // the school's pupils (any year)
	rng: Rng;
	outDir: string;
	amendments: CsvStream;
	interventions: Intervention[];
	finalYear: boolean;
}

export interface SchoolYearResult {
	file: string;
	marks: number;
}

export async function writeSchoolYearRegister(ctx: SchoolYearContext): Promise<SchoolYearResult> {
	const { school, year } = ctx;
	const file = path.join(ctx.outDir, `register-${school.urn}-${year.fileLabel}.csv`);
	const out = new CsvStream(file, REGISTER_HEADER);
	const sim = new SchoolYearSimulation(ctx);
	for (let d = 0; d < year.days.length; d++) {
		sim.simulateDay(d);
		sim.writeDay(d, out);
		await out.flushIfFull();
		await ctx.amendments.flushIfFull();
	}
	await out.close();
	for (const e of sim.enrolments) e.pupil.carriedEffect = e.effect < 1 ? 0.7 + 0.3 * e.effect : 1;
	return { file, marks: out.rows };
}

class SchoolYearSimulation {
	readonly enrolments: Enrolment[];
	private readonly ctx: SchoolYearContext;
	private readonly rng: Rng;
	private readonly days: AcademicYear['days'];
	private readonly newCodes: boolean; // the 2024 code set applies (from 2024-08-19)
	private readonly closures: Map<number, string>;
	private readonly plans: Map<number, SessionPlan>[];
	private readonly dayKeys: { am: string; pm: string }[];
	private readonly illnessToday: number[];
	private readonly unauthorisedToday: number[];
	// Today's marks, by enrolment
	private readonly am: string[];
	private readonly pm: string[];
	private readonly amLate: number[];
	private readonly pmLate: number[];

	constructor(ctx: SchoolYearContext) {
		this.ctx = ctx;
		this.rng = ctx.rng;
		this.days = ctx.year.days;
		this.newCodes = this.days[0].day >= CODE_CHANGE_DAY;
		this.closures = ctx.school.closures.get(ctx.year.startYear)!;
		this.enrolments = this.enrol();
		const n = this.enrolments.length;
		this.am = new Array(n).fill('');
		this.pm = new Array(n).fill('');
		this.amLate = new Array(n).fill(0);
		this.pmLate = new Array(n).fill(0);
		this.plans = this.days.map(() => new Map());
		this.dayKeys = this.days.map((d) => ({ am: `${d.iso},AM,`, pm: `${d.iso},PM,` }));
		const trend = YEAR_TREND[ctx.year.startYear] ?? 0.9;
		this.illnessToday = this.days.map((d) => SEASON[d.month] * ILLNESS_DAY[d.dow] * trend);
		this.unauthorisedToday = this.days.map((d) => UNAUTHORISED_WEEKDAY[d.dow] * trend);
		this.planYear();
	}

	// ---------------------------------------------------------------------------------------
	// Who is on roll, and their propensity this year

	private enrol(): Enrolment[] {
		const { year, school } = this.ctx;
		const rng = this.rng;
		const enrolments: Enrolment[] = [];
		for (const pupil of this.ctx.pupils) {
			const range = onRollRange(pupil, year);
			if (!range) continue;
			const yearGroup = yearGroupIn(pupil, year.startYear);
			const risk = pupil.risk * YEAR_GROUP[yearGroup] * (school.phase === 'Secondary' ? SECONDARY : 1) * pupil.carriedEffect;
			const roughPatch = rng.chance(0.09 * Math.min(2, Math.sqrt(pupil.risk)));
			const roughFrom = roughPatch ? rng.int(range[0], Math.max(range[0], range[1] - 20)) : 1e9;
			const severe = yearGroup >= pupil.severeFromYearGroup ? Math.min(0.92, pupil.severeLevel * (YEAR_TREND[year.startYear] ?? 1)) : 0;
			enrolments.push({
				pupil,
				prefix: `${school.urn},${pupil.upn},`,
				first: range[0],
				last: range[1],
				yearGroup,
				illness: ILLNESS_START * Math.pow(risk, 0.8),
				unauthorised: UNAUTHORISED_DAY * Math.pow(risk, 1.5),
				severe,
				roughFrom,
				roughTo: roughFrom + rng.int(20, 50),
				effect: 1,
				effectFrom: 1e9,
				runCode: '',
				runLeft: 0,
				absentYesterday: false,
				possible: 0,
				absent: 0,
				sincePossible: 0,
				sinceAbsent: 0,
				reviewAt: 0,
				ladderClosed: false,
				history: [],
				amendedDay: -1,
				amendedCode: '',
				amendment: ''
			});
		}
		return enrolments.sort((a, b) => (a.pupil.upn < b.pupil.upn ? -1 : 1));
	}

	// ---------------------------------------------------------------------------------------
	// Planned marks: holidays, suspensions, festivals, trips, exams, part-time timetables…

	/** Plans a session unless a hard plan is already there (soft plans never replace hard ones). */
	private plan(d: number, i: number, session: 'am' | 'pm' | 'both', code: string, soft = false, viaN = false): void {
		if (d < 0 || d >= this.days.length || this.closures.has(d)) return;
		const e = this.enrolments[i];
		if (d < e.first || d > e.last) return;
		let p = this.plans[d].get(i);
		if (!p) this.plans[d].set(i, (p = { am: '', amSoft: true, pm: '', pmSoft: true, viaN: false }));
		if (session !== 'pm' && (!p.am || (p.amSoft && !soft))) {
			p.am = code;
			p.amSoft = soft;
		}
		if (session !== 'am' && (!p.pm || (p.pmSoft && !soft))) {
			p.pm = code;
			p.pmSoft = soft;
		}
		if (viaN) p.viaN = true;
	}

	private planYear(): void {
		this.planPartTimeTimetables();
		this.planPerformanceLicence();
		this.planDualRegistration();
		this.enrolments.forEach((e, i) => {
			this.planSuspension(e, i);
			this.planTravelling(e, i);
			this.planHoliday(e, i);
			this.planFestivals(e, i);
			this.planExceptional(e, i);
			this.planInterview(e, i);
			this.planAlternativeProvision(e, i);
			this.planSport(e, i);
		});
		this.planStudyLeave();
		this.planWorkExperience();
		this.planTrips();
	}

	/** School days (indices) whose date lies between two ISO dates. */
	private daysBetween(from: string, to: string): number[] {
		const a = dayNumber(from);
		const b = dayNumber(to);
		const out: number[] = [];
		this.days.forEach((d, i) => {
			if (d.day >= a && d.day <= b && !this.closures.has(i)) out.push(i);
		});
		return out;
	}

	private yearDate(month: number, day: number): string {
		const y = month >= 9 ? this.ctx.year.startYear : this.ctx.year.startYear + 1;
		return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	}

	/**
	 * Part-time timetables (mornings only for 3-6 weeks): before 2024 recorded C, one pupil per
	 * secondary; from 2024 recorded C2, one pupil in each secondary and the first primary, each
	 * school in one of the two years (so two or three pupils in a four-school trust).
	 */
	private planPartTimeTimetables(): void {
		const { school, year } = this.ctx;
		const c2School = school.phase === 'Secondary' || school.index === 0;
		const c2Year = 2024 + (school.index % 2);
		const wanted = this.newCodes ? c2School && year.startYear === c2Year : school.phase === 'Secondary';
		if (!wanted) return;
		const candidates = this.candidates((e) => e.pupil.risk > 1.5 || e.pupil.sen !== 'N');
		if (!candidates.length) return;
		const i = this.rng.pick(candidates);
		const start = this.rng.int(20, this.days.length - 60);
		const weeks = this.rng.int(3, 6);
		for (let d = start; d < start + weeks * 5; d++) this.plan(d, i, 'pm', this.newCodes ? 'C2' : 'C');
	}

	/** A performance licence (C1, from 2024): one pupil of the first school, in a December show. */
	private planPerformanceLicence(): void {
		if (!this.newCodes || this.ctx.school.index !== 0 || this.ctx.year.startYear !== 2024) return;
		const performers = this.candidates((e) => e.pupil.severeFromYearGroup === 99);
		if (!performers.length) return;
		const performer = this.rng.pick(performers);
		for (const d of this.daysBetween(this.yearDate(12, 9), this.yearDate(12, 12))) this.plan(d, performer, 'both', 'C1');
	}

	/** One pupil per secondary attends a pupil referral unit two days a week for a half-term (D). */
	private planDualRegistration(): void {
		if (this.ctx.school.phase !== 'Secondary') return;
		const candidates = this.candidates((e) => e.yearGroup >= 8 && e.pupil.risk > 1.8);
		if (!candidates.length) return;
		const i = this.rng.pick(candidates);
		const halfTerm = this.rng.int(1, 4);
		this.days.forEach((d, di) => {
			if (d.halfTerm === halfTerm && (d.dow === 2 || d.dow === 4)) this.plan(di, i, 'both', 'D');
		});
	}

	private candidates(test: (e: Enrolment) => boolean): number[] {
		const out: number[] = [];
		this.enrolments.forEach((e, i) => {
			if (test(e) && e.last - e.first > 60) out.push(i);
		});
		return out;
	}

	/** Suspensions (E): rare, more in secondary and among the most absent. */
	private planSuspension(e: Enrolment, i: number): void {
		const secondary = this.ctx.school.phase === 'Secondary';
		const p = (secondary ? 0.03 : 0.004) * Math.min(3, e.pupil.risk) * (e.pupil.sex === 'M' ? 1.4 : 0.6);
		if (!this.rng.chance(p)) return;
		const start = this.rng.int(e.first, e.last);
		const length = this.rng.weighted([[1, 5], [2, 3], [3, 2], [5, 1]] as const);
		for (let d = start; d < start + length; d++) this.plan(d, i, 'both', 'E');
	}

	/** Traveller families travel for work in spring and summer (T). */
	private planTravelling(e: Enrolment, i: number): void {
		if (!e.pupil.ethnicity.traveller || !this.rng.chance(0.7)) return;
		const window = this.daysBetween(this.yearDate(3, 1), this.yearDate(6, 30));
		if (!window.length) return;
		const start = this.rng.pick(window);
		const length = this.rng.int(8, 20);
		for (let d = start; d < start + length; d++) this.plan(d, i, 'both', 'T');
	}

	/**
	 * Term-time holidays: runs of 5-10 school days, most often next to a half-term break. Recorded
	 * G (or, before the 2024 regulations, sometimes authorised H); some first go in as N.
	 */
	private planHoliday(e: Enrolment, i: number): void {
		const rng = this.rng;
		if (!rng.chance(e.pupil.holidayRate)) return;
		const length = rng.int(5, 10);
		let start: number;
		if (rng.chance(0.65)) {
			const breaks = this.halfTermStarts().slice(1);
			const boundary = rng.pick(breaks);
			start = boundary - rng.int(0, length);
		} else {
			start = rng.int(e.first, e.last - length);
		}
		start = Math.max(e.first, Math.min(start, e.last - length));
		if (start < e.first) return;
		const authorised = !this.newCodes && rng.chance(0.12);
		const viaN = !authorised && rng.chance(FIRST_RECORDED_AS_N.G);
		for (let d = start; d < start + length; d++) this.plan(d, i, 'both', authorised ? 'H' : 'G', false, viaN);
		if (!authorised && rng.chance(0.35)) {
			const at = start + length + rng.int(8, 15);
			if (at <= e.last) {
				this.addIntervention(e, at, 'Penalty notice', {
					end: '',
					review: '',
					target: '',
					notes: `Unauthorised term-time holiday: ${length * 2} sessions from ${this.days[start].iso}`
				});
			}
		}
	}

	private halfTermStarts(): number[] {
		const starts: number[] = [];
		this.days.forEach((d, i) => {
			if (i === 0 || d.halfTerm !== this.days[i - 1].halfTerm) starts.push(i);
		});
		return starts;
	}

	/** Religious observance (R) on Eid and Diwali for families who mark them. */
	private planFestivals(e: Enrolment, i: number): void {
		for (const f of FESTIVALS) {
			const observes = f.who === 'eid' ? e.pupil.observesEid : e.pupil.observesDiwali;
			if (!observes || !this.rng.chance(0.85)) continue;
			for (const d of this.daysBetween(f.iso, f.iso)) this.plan(d, i, 'both', 'R');
		}
	}

	/** Exceptional circumstances (C): a funeral or family emergency. */
	private planExceptional(e: Enrolment, i: number): void {
		if (!this.rng.chance(0.02)) return;
		this.plan(this.rng.int(e.first, e.last), i, 'both', 'C');
	}

	/** College and sixth-form interviews for Year 11 (J before 2024-08-19, J1 after). */
	private planInterview(e: Enrolment, i: number): void {
		if (e.yearGroup !== 11 || !this.rng.chance(0.2)) return;
		const window = this.daysBetween(this.yearDate(1, 8), this.yearDate(3, 20));
		if (!window.length) return;
		this.plan(this.rng.pick(window), i, this.rng.chance(0.5) ? 'am' : 'pm', this.newCodes ? 'J1' : 'J');
	}

	/** A few high-absence secondary pupils spend a day a week in alternative provision (B, later K). */
	private planAlternativeProvision(e: Enrolment, i: number): void {
		if (this.ctx.school.phase !== 'Secondary' || e.yearGroup < 9 || e.pupil.risk < 2.2) return;
		if (!this.rng.chance(0.15)) return;
		const weekday = this.rng.int(2, 4);
		const code = this.newCodes ? 'K' : 'B';
		this.days.forEach((d, di) => {
			if (d.dow === weekday) this.plan(di, i, 'both', code, true);
		});
	}

	/** Sporty pupils play fixtures on a couple of Wednesday afternoons each half-term (P). */
	private planSport(e: Enrolment, i: number): void {
		if (!e.pupil.sporty) return;
		this.days.forEach((d, di) => {
			if (d.dow === 3 && this.rng.chance(0.3)) this.plan(di, i, 'pm', 'P', true);
		});
	}

	/** Year 11 study leave (S) on two exam days in May-June. */
	private planStudyLeave(): void {
		if (this.ctx.school.phase !== 'Secondary') return;
		const window = this.daysBetween(this.yearDate(5, 13), this.yearDate(6, 20));
		const examDays = this.rng.shuffle([...window]).slice(0, 2);
		this.enrolments.forEach((e, i) => {
			if (e.yearGroup === 11) for (const d of examDays) this.plan(d, i, 'both', 'S');
		});
	}

	/** Year 10 work experience (W): a week in late June or July. */
	private planWorkExperience(): void {
		if (this.ctx.school.phase !== 'Secondary') return;
		const mondays = this.daysBetween(this.yearDate(6, 20), this.yearDate(7, 10)).filter((d) => this.days[d].dow === 1);
		if (!mondays.length) return;
		const start = this.rng.pick(mondays);
		this.enrolments.forEach((e, i) => {
			if (e.yearGroup === 10) for (let d = start; d < start + 5; d++) this.plan(d, i, 'both', 'W', true);
		});
	}

	/** Educational visits (V): a whole-year-group trip and a smaller trip for some pupils. */
	private planTrips(): void {
		const { school } = this.ctx;
		for (let yg = school.minYearGroup; yg <= school.maxYearGroup; yg++) {
			const wholeYear = this.rng.int(0, this.days.length - 1);
			const smaller = this.rng.int(0, this.days.length - 1);
			this.enrolments.forEach((e, i) => {
				if (e.yearGroup !== yg) return;
				this.plan(wholeYear, i, 'both', 'V', true);
				if (this.rng.chance(0.3)) this.plan(smaller, i, 'both', 'V', true);
			});
		}
	}

	// ---------------------------------------------------------------------------------------
	// One school day

	simulateDay(d: number): void {
		const day = this.days[d];
		const closure = this.closures.get(d);
		const newHalfTerm = d > 0 && day.halfTerm !== this.days[d - 1].halfTerm;
		for (let i = 0; i < this.enrolments.length; i++) {
			const e = this.enrolments[i];
			if (d < e.first || d > e.last) {
				this.am[i] = '';
				continue;
			}
			if (newHalfTerm) e.runLeft = 0; // illness runs end over a break
			this.amLate[i] = 0;
			this.pmLate[i] = 0;
			if (closure) {
				this.am[i] = closure;
				this.pm[i] = closure;
				continue;
			}
			this.markPupil(e, i, d);
			this.tally(e, this.am[i]);
			this.tally(e, this.pm[i]);
		}
		if (this.isEndOfWeek(d)) this.weeklyAttendanceCheck(d);
	}

	private markPupil(e: Enrolment, i: number, d: number): void {
		const plan = this.plans[d].get(i);
		let am = plan && !plan.amSoft ? plan.am : '';
		let pm = plan && !plan.pmSoft ? plan.pm : '';
		if (am && pm) {
			if (plan!.viaN) {
				// A holiday taken without telling the school: N until the family is back.
				if (am === 'G') am = this.recordAsN(e, d, 'AM', am);
				if (pm === 'G') pm = this.recordAsN(e, d, 'PM', pm);
			}
			this.am[i] = am;
			this.pm[i] = pm;
			return;
		}
		const absence = this.wholeDayAbsence(e, d);
		if (absence) {
			const recordN = absence in FIRST_RECORDED_AS_N && this.rng.chance(FIRST_RECORDED_AS_N[absence]);
			am ||= recordN ? this.recordAsN(e, d, 'AM', absence) : absence;
			pm ||= recordN ? this.recordAsN(e, d, 'PM', absence) : absence;
		} else {
			[am, pm] = this.sessionEvents(e, i, d, am, pm);
		}
		if (plan) {
			if (plan.am && plan.amSoft && (am === '/' || am === 'L')) {
				am = plan.am;
				this.amLate[i] = 0;
			}
			if (plan.pm && plan.pmSoft && pm === '\\') pm = plan.pm;
		}
		this.am[i] = am;
		this.pm[i] = pm;
	}

	/** The propensity multiplier for today: a bad spell raises it, an intervention that worked lowers it. */
	private todaysScale(e: Enrolment, d: number): number {
		let scale = d >= e.roughFrom && d <= e.roughTo ? ROUGH_PATCH : 1;
		if (d >= e.effectFrom) scale *= e.effect;
		return scale;
	}

	/** A whole-day absence code, or '' if the pupil is in school today. */
	private wholeDayAbsence(e: Enrolment, d: number): string {
		const rng = this.rng;
		if (e.severe > 0) {
			const level = e.severe * (d >= e.effectFrom ? e.effect : 1);
			const stay = 0.9;
			const start = Math.min(1, ((1 - stay) * level) / (1 - level));
			e.absentYesterday = rng.chance(e.absentYesterday ? stay : start);
			if (e.absentYesterday) return rng.chance(0.4) ? 'O' : 'I';
		}
		if (e.runLeft > 0) {
			e.runLeft--;
			return e.runCode;
		}
		const scale = this.todaysScale(e, d);
		const illness = e.illness * scale * this.illnessToday[d];
		const unauthorised = e.unauthorised * scale * this.unauthorisedToday[d];
		let u = rng.next();
		if (u < illness) {
			e.runCode = 'I';
			e.runLeft = rng.weighted([[0, 40], [1, 26], [2, 17], [3, 10], [4, 7]] as const);
			return 'I';
		}
		u -= illness;
		if (u < unauthorised) {
			e.runCode = 'O';
			e.runLeft = rng.chance(0.75) ? 0 : rng.int(1, 2);
			return 'O';
		}
		u -= unauthorised;
		if (u < MEDICAL_DAY) return 'M';
		return '';
	}

	/** Single-session events on a day in school: appointments, going home at lunch, lateness. */
	private sessionEvents(e: Enrolment, i: number, d: number, am: string, pm: string): [string, string] {
		const rng = this.rng;
		const day = this.days[d];
		const medical = MEDICAL_SESSION * (e.pupil.sen === 'N' ? 1 : 1.5);
		const pmOnly = PM_ONLY * (day.dow === 5 ? 4 : 1) * Math.sqrt(e.illness / ILLNESS_START) * this.todaysScale(e, d);
		let u = rng.next();
		if (u < medical) {
			if (rng.chance(0.6)) am ||= this.maybeN(e, d, 'AM', 'M');
			else pm ||= this.maybeN(e, d, 'PM', 'M');
		} else if ((u -= medical) < pmOnly) {
			pm ||= this.maybeN(e, d, 'PM', rng.weighted([['O', 4], ['I', 4], ['M', 2]] as const));
		}
		if (!am) {
			am = '/';
			const late = rng.next();
			const lateness = e.pupil.lateness;
			if (late < lateness) {
				am = 'L';
				this.amLate[i] = rng.int(5, 25);
			} else if (late < lateness * 1.12) {
				am = 'U';
				this.amLate[i] = rng.int(30, 60);
			}
		}
		if (!pm) {
			pm = '\\';
			if (rng.next() < e.pupil.lateness * 0.08) {
				pm = 'L';
				this.pmLate[i] = rng.int(5, 15);
			}
		}
		return [am, pm];
	}

	private maybeN(e: Enrolment, d: number, session: 'AM' | 'PM', code: string): string {
		return this.rng.chance(FIRST_RECORDED_AS_N[code] ?? 0) ? this.recordAsN(e, d, session, code) : code;
	}

	/**
	 * Records N for a session whose true reason is `code`; the reason usually follows in the
	 * amendments file, but not always, and least often in the last weeks of the data. Both
	 * sessions of a day share one outcome (same reason, same member of staff).
	 */
	private recordAsN(e: Enrolment, d: number, session: 'AM' | 'PM', code: string): string {
		if (e.amendedDay !== d || e.amendedCode !== code) {
			const fromEnd = this.days.length - 1 - d;
			const resolved = this.ctx.finalYear && fromEnd < 15 ? 0.3 : fromEnd < 5 ? 0.6 : e.severe > 0 ? 0.7 : 0.9;
			e.amendedDay = d;
			e.amendedCode = code;
			e.amendment = this.rng.chance(resolved)
				? `${code},${this.rng.pick(REASONS[code])},${staffMember(this.ctx.school, this.rng)}\n`
				: '';
		}
		if (e.amendment) {
			const key = session === 'AM' ? this.dayKeys[d].am : this.dayKeys[d].pm;
			this.ctx.amendments.push(e.prefix + key + e.amendment);
		}
		return 'N';
	}

	private tally(e: Enrolment, code: string): void {
		if (!isPossible(code)) return;
		const absent = isAbsence(code) ? 1 : 0;
		e.possible++;
		e.absent += absent;
		e.sincePossible++;
		e.sinceAbsent += absent;
	}

	private isEndOfWeek(d: number): boolean {
		if (d === this.days.length - 1) return true;
		const today = this.days[d];
		const next = this.days[d + 1];
		return next.dow <= today.dow || next.day - today.day >= 7;
	}

	// ---------------------------------------------------------------------------------------
	// Attendance checks and interventions

	/**
	 * Each Friday the attendance officer looks for pupils below 90% this year (Letter 1), and
	 * reviews those already on the ladder: still below 90% since the last step → the next step.
	 */
	private weeklyAttendanceCheck(d: number): void {
		for (const e of this.enrolments) {
			if (d < e.first || d >= e.last || e.ladderClosed) continue;
			if (e.history.length === 0) {
				if (e.possible >= 40 && e.absent > 0.1 * e.possible) this.escalate(e, d, e.absent / e.possible);
			} else if (d >= e.reviewAt) {
				if (e.sinceAbsent > 0.1 * e.sincePossible) this.escalate(e, d, e.sinceAbsent / e.sincePossible);
				else {
					e.ladderClosed = true; // improved: the case is closed for this year
					this.endLatest(e, d);
				}
			}
		}
	}

	private escalate(e: Enrolment, d: number, absenceRate: number): void {
		const { school } = this.ctx;
		const type = nextStep({ primary: school.phase === 'Primary', disadvantaged: e.pupil.fsm || e.pupil.cin, history: e.history }, this.rng);
		if (!type) {
			e.ladderClosed = true;
			return;
		}
		const at = this.nextOpenDay(d + 1);
		if (at > e.last) return;
		const details = describeIntervention(type, this.days[at].iso, 100 * (1 - absenceRate), this.rng);
		this.endLatest(e, at);
		this.addIntervention(e, at, type, details);
		e.history.push(type);
		e.reviewAt = at + 15;
		e.sincePossible = 0;
		e.sinceAbsent = 0;
		if (e.effect === 1 && this.rng.chance(RESPONSE_RATE[type])) {
			// The intervention works: lower propensity from a few days later, and the bad spell ends.
			e.effect = 0.4 + 0.3 * this.rng.next();
			e.effectFrom = at + this.rng.int(2, 8);
			e.roughTo = Math.min(e.roughTo, e.effectFrom);
		}
	}

	private nextOpenDay(d: number): number {
		while (d < this.days.length && this.closures.has(d)) d++;
		return d;
	}

	/** An open-ended intervention (a letter, a referral) is ended when the case moves on or closes. */
	private endLatest(e: Enrolment, d: number): void {
		if (e.latest && !e.latest.end && this.days[d].iso >= e.latest.start) e.latest.end = this.days[d].iso;
	}

	private addIntervention(e: Enrolment, d: number, type: InterventionType, details: Pick<Intervention, 'end' | 'review' | 'target' | 'notes'>): void {
		e.latest = {
			urn: this.ctx.school.urn,
			upn: e.pupil.upn,
			type,
			start: this.days[d].iso,
			...details,
			staff: staffMember(this.ctx.school, this.rng)
		};
		this.ctx.interventions.push(e.latest);
	}

	// ---------------------------------------------------------------------------------------
	// Output

	writeDay(d: number, out: CsvStream): void {
		const { am: amKey, pm: pmKey } = this.dayKeys[d];
		const n = this.enrolments.length;
		for (let i = 0; i < n; i++) {
			const code = this.am[i];
			if (!code) continue;
			const late = this.amLate[i];
			out.push(`${this.enrolments[i].prefix}${amKey}${code},${late ? late : ''}\n`);
		}
		for (let i = 0; i < n; i++) {
			if (!this.am[i]) continue;
			const late = this.pmLate[i];
			out.push(`${this.enrolments[i].prefix}${pmKey}${this.pm[i]},${late ? late : ''}\n`);
		}
	}
}
