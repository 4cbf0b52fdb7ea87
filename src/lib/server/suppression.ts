// Small-number suppression (the DfE's 'c'): figures resting on fewer pupils than a threshold are
// withheld, with secondary suppression so a withheld value cannot be worked out from the totals.
// Owner: issue 7 (exports). The signatures below are the contract the API and the exports use.
//
// How it works. The cells of a table are gathered into units: the cells of one row that rest on one
// count of pupils and are withheld together (a group's sessions and rates rest on its pupils; its
// persistent absence count and percentage on the persistent absentees). A unit is withheld first
// (primary suppression) when it rests on more than 0 and fewer than `threshold` pupils. Then, where
// figures add up (a breakdown's groups to the school's total, authorised + unauthorised to overall),
// no sum may have exactly one withheld part: the smallest part still shown is withheld too, and so on
// until nothing changes (secondary suppression). Zero is shown: DfE tables show 0.
import type { Row } from './warehouse';

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/**
 * The threshold in force: ATTENDANCE_SUPPRESSION_THRESHOLD (a whole number from 1 to 100, set where the
 * app or the CLI runs) or the default, 5. Anything else is an error rather than a silent default.
 */
export function suppressionThreshold(env: Record<string, string | undefined> = process.env): number {
	const text = env.ATTENDANCE_SUPPRESSION_THRESHOLD;
	if (text === undefined || text === '') return DEFAULT_SUPPRESSION_THRESHOLD;
	if (!/^\d{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 100)
		throw new Error(`ATTENDANCE_SUPPRESSION_THRESHOLD must be a whole number of pupils from 1 to 100, not '${text}'`);
	return Number(text);
}

/** The DfE's symbol for a withheld figure. */
export const SUPPRESSED = 'c';

export type { CountSpec, SuppressionSpec } from '../catalog/suppression';
import type { CountSpec, SuppressionSpec } from '../catalog/suppression';

/** A set of units that add up: no sum may have exactly one withheld member. */
export interface Relation {
	members: number[];
	/** The member that is the sum of the others (chosen last for secondary suppression), if it is shown. */
	total?: number;
}

/**
 * Secondary suppression on units: `values[i]` is unit i's size (for choosing the smallest),
 * `withheld[i]` whether it is withheld already, `follows[i]` the units withheld whenever i is.
 * Returns the units withheld, such that no relation has exactly one withheld member.
 */
export function secondarySuppression(
	values: number[],
	withheld: boolean[],
	relations: Relation[],
	follows: number[][] = []
): boolean[] {
	const out = [...withheld];
	const withhold = (i: number): void => {
		if (out[i]) return;
		out[i] = true;
		for (const j of follows[i] ?? []) withhold(j);
	};
	for (let i = 0; i < out.length; i++) if (out[i]) for (const j of follows[i] ?? []) withhold(j);
	for (let changed = true; changed; ) {
		changed = false;
		for (const relation of relations) {
			const members = relation.total === undefined ? relation.members : [...relation.members, relation.total];
			const held = members.filter((m) => out[m]).length;
			if (held !== 1) continue;
			// The smallest part still shown: a non-zero one before a zero (withholding a 0 protects nothing
			// when its group is known to be empty), a part before the total.
			let best = -1;
			let bestKey = [Infinity, Infinity, Infinity];
			for (const m of members) {
				if (out[m]) continue;
				const key = [m === relation.total ? 1 : 0, values[m] > 0 ? 0 : 1, values[m]];
				if (key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
					best = m;
					bestKey = key;
				}
			}
			if (best < 0) continue;
			withhold(best);
			changed = true;
		}
	}
	return out;
}

const isSmall = (n: number, threshold: number): boolean => n > 0 && n < threshold;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const keyOf = (row: Row, columns: string[]): string => JSON.stringify(columns.map((c) => row[c] ?? null));

/**
 * The rows with small numbers withheld (null, or `mark`: exports pass 'c'): primary suppression of every
 * unit resting on fewer than `threshold` pupils, then secondary suppression across each group's rows and
 * within each row.
 */
export function suppressRows(
	rows: Row[],
	spec: SuppressionSpec,
	threshold = suppressionThreshold(),
	mark: null | string = null
): Row[] {
	const counts = spec.counts ?? [];
	const per = counts.length + 1; // unit r*per is row r's own; r*per + 1 + k its k-th count
	const values: number[] = [];
	const withheld: boolean[] = [];
	const follows: number[][] = [];
	const relations: Relation[] = [];
	rows.forEach((row, r) => {
		const pupils = num(row[spec.pupils]);
		values.push(pupils);
		withheld.push(isSmall(pupils, threshold));
		// A count's cells rest on the row's pupils as well: withheld whenever the row's are.
		follows.push(counts.map((_, k) => r * per + 1 + k));
		counts.forEach((count) => {
			const n = num(row[count.pupils]);
			values.push(n);
			withheld.push(isSmall(n, threshold));
			follows.push([]);
		});
		// Within the row: counts that add up to the row's figure.
		const sums = new Map<string, number[]>();
		counts.forEach((count, k) => {
			if (count.sumsTo) sums.set(count.sumsTo, [...(sums.get(count.sumsTo) ?? []), r * per + 1 + k]);
		});
		for (const members of sums.values()) relations.push({ members, total: r * per });
	});
	// Across rows: each grouping's rows add up, unit by unit.
	const totalRows = spec.totalRows;
	const isTotalRow = (row: Row): boolean => !!totalRows && row[totalRows.column] === totalRows.value;
	const outer = totalRows && spec.groupBy ? spec.groupBy.filter((c) => c !== totalRows.column) : [];
	const totalOf = new Map<string, number>();
	if (totalRows && spec.groupBy) rows.forEach((row, r) => isTotalRow(row) && totalOf.set(keyOf(row, outer), r));
	for (const grouping of [spec.groupBy, ...(spec.alsoGroupBy ?? [])]) {
		if (!grouping) continue;
		const primary = grouping === spec.groupBy && !!totalRows;
		const groups = new Map<string, number[]>();
		rows.forEach((row, r) => {
			if (primary && isTotalRow(row)) return;
			const key = keyOf(row, grouping);
			groups.set(key, [...(groups.get(key) ?? []), r]);
		});
		for (const members of groups.values()) {
			const parts = members.filter((r) => !spec.isTotal?.(rows[r], grouping));
			const total = primary ? totalOf.get(keyOf(rows[members[0]], outer)) : members.find((r) => spec.isTotal?.(rows[r], grouping));
			for (let u = 0; u < per; u++)
				relations.push({ members: parts.map((r) => r * per + u), total: total === undefined ? undefined : total * per + u });
		}
	}
	const out = secondarySuppression(values, withheld, relations, follows);
	return rows.map((row, r) => {
		if (!out.slice(r * per, r * per + per).some(Boolean)) return row;
		const copy = { ...row };
		if (out[r * per]) for (const c of spec.cells) copy[c] = mark;
		counts.forEach((count, k) => {
			if (out[r * per + 1 + k]) for (const c of count.cells) copy[c] = mark;
		});
		return copy;
	});
}

