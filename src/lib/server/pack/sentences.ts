// The governors' pack's "what changed since last half-term": short plain-English sentences generated from
// the numbers. Pure: figures in, sentences out. Every rate is a fraction (0.941 = 94.1%), given as the pack
// shows it (attendance, authorised and unauthorised absence adding up: catalog/format's absenceShares);
// changes are in percentage points between the figures as shown (format.ts), so a sentence never
// contradicts the tables beside it.
import { decimal, percent, pointsDiff, targetText } from '../../catalog/format';

export type PackMeasure = 'attendance' | 'authorised' | 'unauthorised' | 'persistent' | 'severe';

/** One figure in two periods, for the whole school (no group) or one group of pupils. */
export interface FigureChange {
	measure: PackMeasure;
	/** A cohort group (dimension and value as pupil_cohorts names them); none: the whole school. */
	group?: { dimension: string; value: string };
	/** This half-term's figure and last half-term's, as fractions; null where withheld (suppressed). */
	current: number | null;
	previous: number | null;
	/** Pupils the figure rests on in each half-term. */
	currentPupils: number;
	previousPupils: number;
}

export interface SentenceOptions {
	/** The attendance target as a percentage (96 = 96%), said beside the whole school's attendance. */
	targetPercent?: number | null;
	/** National figures (fractions) said beside the whole school's persistent and severe absence. */
	national?: Partial<Record<PackMeasure, number | null>>;
	/** A change resting on fewer pupils than this, in either half-term, is not written (default 10). */
	minPupils?: number;
	/** At most this many sentences (default 6). */
	limit?: number;
}

export interface Sentence {
	text: string;
	/** The change in percentage points, as shown (signed). */
	points: number;
	measure: PackMeasure;
	group: { dimension: string; value: string } | null;
}

export const MIN_PUPILS_FOR_A_SENTENCE = 10;


const MEASURE_NAMES: Record<PackMeasure, string> = {
	attendance: 'Attendance',
	authorised: 'Authorised absence',
	unauthorised: 'Unauthorised absence',
	persistent: 'Persistent absence',
	severe: 'Severe absence'
};

/** How a group of pupils is named in a sentence ("pupils eligible for free school meals"). */
export function groupPhrase(dimension: string, value: string): string {
	const named: Record<string, string> = {
		'fsm:FSM eligible': 'pupils eligible for free school meals',
		'fsm:Not FSM eligible': 'pupils not eligible for free school meals',
		'pupil_premium:Pupil premium': 'pupils eligible for the pupil premium',
		'pupil_premium:Not pupil premium': 'pupils not eligible for the pupil premium',
		'sen:No SEN': 'pupils with no special educational needs',
		'sen:SEN support': 'pupils on SEN support',
		'sen:EHC plan': 'pupils with an EHC plan',
		'eal:EAL': 'pupils with English as an additional language',
		'eal:Not EAL': 'pupils with English as their first language',
		'sex:Female': 'girls',
		'sex:Male': 'boys',
		'cla:Looked after': 'looked-after children',
		'cla:Not looked after': 'pupils who are not looked after',
		'ethnicity:Mixed': 'pupils of mixed ethnicity',
		'ethnicity:Any other ethnic group': 'pupils of any other ethnic group',
		'ethnicity:Unclassified': 'pupils whose ethnicity is unclassified'
	};
	const key = `${dimension}:${value}`;
	if (named[key]) return named[key];
	if (dimension === 'year_group' || dimension === 'ethnicity') return `${value} pupils`;
	return `pupils in the group ${value}`;
}

/** "rose" / "fell" for a signed change. */
const moved = (points: number) => (points > 0 ? 'rose' : 'fell');

function sentenceFor(change: FigureChange, now: number, before: number, points: number, options: SentenceOptions): string {
	const name = MEASURE_NAMES[change.measure];
	const who = change.group ? ` among ${groupPhrase(change.group.dimension, change.group.value)}` : '';
	if (change.measure === 'attendance') {
		let text = `${name}${who} ${moved(points)} ${decimal(Math.abs(points))} points to ${percent(now)}`;
		const target = options.targetPercent;
		if (!change.group && target !== null && target !== undefined) {
			const gap = pointsDiff(now, target / 100) ?? 0;
			text += gap > 0 ? `, above the ${targetText(target)} target` : gap < 0 ? `, below the ${targetText(target)} target` : `, meeting the ${targetText(target)} target`;
		}
		return `${text}.`;
	}
	const of = change.measure === 'authorised' || change.measure === 'unauthorised' ? ' of sessions' : change.group ? '' : ' of pupils';
	let text = `${name}${who} ${moved(points)} from ${percent(before)} to ${percent(now)}${of}`;
	const national = change.group ? null : options.national?.[change.measure];
	if (national !== null && national !== undefined) {
		const gap = pointsDiff(now, national) ?? 0;
		text += gap > 0 ? `, above the national ${percent(national)}` : gap < 0 ? `, below the national ${percent(national)}` : `, the same as the national ${percent(national)}`;
	}
	return `${text}.`;
}

/**
 * The largest changes since last half-term as sentences. Rules: a change is written only when both
 * figures are known (not withheld), both rest on at least `minPupils` pupils, and the figures as shown
 * differ; the whole school's attendance comes first when it changed (it is the headline), then the rest
 * by the size of the change in points, largest first (the whole school before a group on a tie).
 */
export function changeSentences(changes: FigureChange[], options: SentenceOptions = {}): Sentence[] {
	const minPupils = options.minPupils ?? MIN_PUPILS_FOR_A_SENTENCE;
	const limit = options.limit ?? 6;
	const written: (Sentence & { order: number })[] = [];
	changes.forEach((change, order) => {
		if (change.current === null || change.previous === null) return;
		if (!Number.isFinite(change.current) || !Number.isFinite(change.previous)) return;
		if (change.currentPupils < minPupils || change.previousPupils < minPupils) return;
		// the difference of the two figures as shown
		const points = pointsDiff(change.current, change.previous) ?? 0;
		if (points === 0) return;
		written.push({
			text: sentenceFor(change, change.current, change.previous, points, options),
			points,
			measure: change.measure,
			group: change.group ?? null,
			order
		});
	});
	const lead = (s: Sentence) => (s.measure === 'attendance' && !s.group ? 0 : 1);
	written.sort((a, b) => lead(a) - lead(b) || Math.abs(b.points) - Math.abs(a.points) || Number(!!a.group) - Number(!!b.group) || a.order - b.order);
	return written.slice(0, limit).map(({ order: _order, ...s }) => s);
}
