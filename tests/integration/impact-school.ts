// A synthetic school for the impact tests (issue 6): pupils whose daily chance of absence is known, a
// persistent pupil-level rate raised four-fold during temporary spells that end on their own. Each
// Friday of 2024/25 the attendance officer looks at the last 10 school days: a pupil not yet on the log
// who missed 3 or more of them is given an intervention (with chance 1/2: officers do not catch
// everyone) starting the next school day, type A or type B, half each. Type A cuts the pupil's daily
// chance of absence by a third from its start; type B changes nothing.
import { seededRandom } from '../../src/lib/server/impact/method';
import { upn } from '../helpers/upn';

export const URN = 100001;
export const TRUE_EFFECT_A = -1 / 3;

/** Weekdays of two academic years' terms (half-terms and holidays left out). */
export function calendar(): string[] {
	const terms = [
		['2023-09-04', '2023-10-20'], ['2023-10-30', '2023-12-15'], ['2024-01-03', '2024-02-09'], ['2024-02-19', '2024-03-28'],
		['2024-04-15', '2024-05-24'], ['2024-06-03', '2024-07-19'],
		['2024-09-02', '2024-10-18'], ['2024-10-28', '2024-12-13'], ['2025-01-06', '2025-02-14'], ['2025-02-24', '2025-04-04'],
		['2025-04-22', '2025-05-23'], ['2025-06-02', '2025-07-18']
	];
	const days: string[] = [];
	for (const [from, to] of terms)
		for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
			if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) days.push(d.toISOString().slice(0, 10));
	return days;
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
	return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface SyntheticSchool {
	register: string;
	interventions: string;
	treated: { A: number; B: number };
	/** The school days, and each pupil's absent days (whole days) and intervention (day index). */
	days: string[];
	pupils: { absent: boolean[]; type: 'A' | 'B' | null; start: number }[];
}

/** The school for one seed: the register and intervention log as CSV text. */
export function syntheticSchool(seed: number, pupilCount = 700): SyntheticSchool {
	const random = seededRandom(seed);
	const days = calendar();
	const firstDayOfYear2 = days.indexOf('2024-09-02');
	const lines = ['UPN,Date,Session,Mark'];
	const log = ['URN,UPN,Type,StartDate'];
	const treated = { A: 0, B: 0 };
	const pupils: SyntheticSchool['pupils'] = [];
	for (let p = 0; p < pupilCount; p++) {
		const id = upn(`8734${String(seed % 1000).padStart(3, '0')}${String(p).padStart(5, '0')}`);
		// persistent rate: log-normal around 5% (a few pupils much higher), capped at 40%
		const base = Math.min(0.4, 0.05 * Math.exp(0.7 * normal(random)));
		let spike = 0; // school days left in the current spell
		let type: 'A' | 'B' | null = null;
		let startedAt = Infinity;
		const absent: boolean[] = [];
		for (let d = 0; d < days.length; d++) {
			if (spike > 0) spike--;
			else if (random() < 1 / 100) spike = 5 + Math.floor(random() * 25); // a spell of 5–29 school days
			let chance = Math.min(0.9, base * (spike > 0 ? 4 : 1));
			if (type === 'A' && d >= startedAt) chance *= 1 + TRUE_EFFECT_A;
			const away = random() < chance;
			absent.push(away);
			const mark = away ? (random() < 0.5 ? 'I' : 'O') : null;
			lines.push(`${id},${days[d]},AM,${mark ?? '/'}`, `${id},${days[d]},PM,${mark ?? '\\'}`);
			// Friday check in 2024/25 (not in the last 8 weeks: too late to judge an intervention started then)
			const friday = new Date(`${days[d]}T00:00:00Z`).getUTCDay() === 5;
			if (type === null && friday && d >= firstDayOfYear2 + 10 && d < days.length - 40) {
				const recent = absent.slice(d - 9, d + 1).filter(Boolean).length;
				if (recent >= 3 && random() < 0.5) {
					type = random() < 0.5 ? 'A' : 'B';
					startedAt = d + 1;
					treated[type]++;
					log.push(`${URN},${id},Type ${type},${days[d + 1]}`);
				}
			}
		}
		pupils.push({ absent, type, start: startedAt });
	}
	return { register: lines.join('\n') + '\n', interventions: log.join('\n') + '\n', treated, days, pupils };
}

