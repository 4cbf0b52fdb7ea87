// Attendance interventions: the escalation ladder a school follows when a pupil's attendance falls
// below 90%, and the rows of interventions.csv that record it.

import { addDays } from './calendar';
import type { Rng } from './prng';

export const INTERVENTIONS_HEADER = 'URN,UPN,Type,StartDate,EndDate,ReviewDate,Target,Notes,Staff';

export type InterventionType =
	| 'Letter 1'
	| 'Letter 2'
	| 'Letter 3'
	| 'Attendance meeting'
	| 'Attendance contract'
	| 'Parenting contract'
	| 'Family support / early help'
	| 'Notice to improve'
	| 'Penalty notice'
	| 'Referral';

export interface Intervention {
	urn: number;
	upn: string;
	type: InterventionType;
	start: string;
	end: string;
	review: string;
	target: string;
	notes: string;
	staff: string;
}

/** Chance that an intervention of each type changes the pupil's attendance for the better. */
export const RESPONSE_RATE: Record<InterventionType, number> = {
	'Letter 1': 0.3,
	'Letter 2': 0.25,
	'Letter 3': 0.2,
	'Attendance meeting': 0.35,
	'Attendance contract': 0.4,
	'Parenting contract': 0.4,
	'Family support / early help': 0.45,
	'Notice to improve': 0.3,
	'Penalty notice': 0.25,
	Referral: 0.3
};

export interface LadderPupil {
	primary: boolean;
	disadvantaged: boolean; // FSM or child in need: family support before legal routes
	history: InterventionType[];
}

/** The next step on the ladder, or null when the school has run out of steps this year. */
export function nextStep(pupil: LadderPupil, rng: Rng): InterventionType | null {
	const last = pupil.history.at(-1);
	switch (last) {
		case undefined:
			return 'Letter 1';
		case 'Letter 1':
			return 'Letter 2';
		case 'Letter 2':
			return rng.chance(0.25) ? 'Letter 3' : 'Attendance meeting';
		case 'Letter 3':
			return 'Attendance meeting';
		case 'Attendance meeting':
			return pupil.primary || rng.chance(0.3) ? 'Parenting contract' : 'Attendance contract';
		case 'Attendance contract':
		case 'Parenting contract':
			return pupil.disadvantaged ? 'Family support / early help' : 'Notice to improve';
		case 'Family support / early help':
			return 'Referral';
		case 'Notice to improve':
			return 'Penalty notice';
		default:
			return null;
	}
}

const BARRIERS = ['anxiety about school', 'low-level illness', 'transport', 'caring for siblings', 'friendship issues', 'sleep and routines', 'parental health', 'housing move'];

/** Fills in the dates, target and notes a school would record for an intervention. */
export function describeIntervention(
	type: InterventionType,
	start: string,
	attendancePct: number,
	rng: Rng
): Pick<Intervention, 'end' | 'review' | 'target' | 'notes'> {
	const pct = `${attendancePct.toFixed(1)}%`;
	const barrier = rng.pick(BARRIERS);
	switch (type) {
		case 'Letter 1':
			return { end: '', review: addDays(start, 28), target: '95% attendance', notes: `Attendance ${pct} this year; first concern letter sent home` };
		case 'Letter 2':
			return { end: '', review: addDays(start, 28), target: '95% attendance', notes: `No improvement since Letter 1 (${pct} since); invited to discuss` };
		case 'Letter 3':
			return { end: '', review: addDays(start, 21), target: '95% attendance', notes: `Final warning letter; attendance ${pct} since last letter` };
		case 'Attendance meeting':
			return { end: start, review: addDays(start, 28), target: '9 of 10 sessions a week', notes: `Meeting with parent; barrier discussed: ${barrier}` };
		case 'Attendance contract':
			return { end: addDays(start, 84), review: addDays(start, 42), target: '95% attendance', notes: `Contract agreed with parent and pupil; support for ${barrier}` };
		case 'Parenting contract':
			return { end: addDays(start, 84), review: addDays(start, 42), target: '9 of 10 sessions a week', notes: `Parenting contract signed; morning routine plan` };
		case 'Family support / early help':
			return { end: addDays(start, 91), review: addDays(start, 42), target: '90% attendance', notes: `Early help assessment opened; ${barrier}` };
		case 'Notice to improve':
			return { end: addDays(start, 21), review: addDays(start, 21), target: 'No unauthorised absence for 3 weeks', notes: `Issued after contract not kept; attendance ${pct}` };
		case 'Penalty notice':
			return { end: '', review: '', target: '', notes: `Issued by LA after notice to improve not met` };
		case 'Referral':
			return { end: '', review: addDays(start, 42), target: '', notes: rng.pick(['Referral to LA attendance support team', 'Referral to school nurse', 'Referral to CAMHS', 'Referral to education welfare officer']) };
	}
}
