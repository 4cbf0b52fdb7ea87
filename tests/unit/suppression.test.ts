import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SUPPRESSION_THRESHOLD, secondarySuppression, suppressRows, type SuppressionSpec } from '../../src/lib/server/suppression';
import type { Row } from '../../src/lib/server/warehouse';

// A crossed table of pupil counts as rows (one per cell), with its row totals, column totals and grand
// total as rows too, the way a breakdown × breakdown table is exported.
function crossedTable(grid: number[][]): Row[] {
	const rows: Row[] = [];
	const cols = grid[0].length;
	grid.forEach((line, r) => {
		line.forEach((n, c) => rows.push({ r: String(r), c: String(c), pupils: n }));
		rows.push({ r: String(r), c: 'Total', pupils: line.reduce((a, b) => a + b, 0) });
	});
	for (let c = 0; c < cols; c++) rows.push({ r: 'Total', c: String(c), pupils: grid.reduce((a, line) => a + line[c], 0) });
	rows.push({ r: 'Total', c: 'Total', pupils: grid.flat().reduce((a, b) => a + b, 0) });
	return rows;
}

const crossedSpec: SuppressionSpec = {
	pupils: 'pupils',
	cells: ['pupils'],
	groupBy: ['r'],
	alsoGroupBy: [['c']],
	isTotal: (row, grouping) => (grouping[0] === 'r' ? row.c === 'Total' : row.r === 'Total')
};

/** Every line of the table (each row and each column, totals included) with its cells after suppression. */
function lines(rows: Row[]): Row[][] {
	const byR = new Map<string, Row[]>();
	const byC = new Map<string, Row[]>();
	for (const row of rows) {
		byR.set(row.r as string, [...(byR.get(row.r as string) ?? []), row]);
		byC.set(row.c as string, [...(byC.get(row.c as string) ?? []), row]);
	}
	return [...byR.values(), ...byC.values()];
}

/**
 * Whether any withheld cell can be worked out by an attacker who knows the table adds up: repeatedly,
 * a line (row or column, with its total) with exactly one unknown cell gives that cell away.
 */
function recoverable(original: Row[], suppressed: Row[]): boolean {
	const known = suppressed.map((row) => row.pupils !== null);
	const index = new Map(original.map((row, i) => [`${row.r}|${row.c}`, i]));
	for (let changed = true; changed; ) {
		changed = false;
		for (const line of lines(original)) {
			const unknown = line.filter((row) => !known[index.get(`${row.r}|${row.c}`)!]);
			if (unknown.length === 1) {
				known[index.get(`${unknown[0].r}|${unknown[0].c}`)!] = true;
				changed = true;
			}
		}
	}
	return suppressed.some((row, i) => row.pupils === null && known[i]);
}

describe('small-number suppression', () => {
	it('withholds a group of fewer than 5 pupils and shows 5 and 0', () => {
		const rows = [
			{ group: 'a', pupils: 4, rate: 10 },
			{ group: 'b', pupils: 5, rate: 20 },
			{ group: 'c', pupils: 0, rate: null }
		];
		const out = suppressRows(rows, { pupils: 'pupils', cells: ['pupils', 'rate'] });
		expect(DEFAULT_SUPPRESSION_THRESHOLD).toBe(5);
		expect(out).toEqual([
			{ group: 'a', pupils: null, rate: null },
			{ group: 'b', pupils: 5, rate: 20 },
			{ group: 'c', pupils: 0, rate: null }
		]);
		// The input is left as it was.
		expect(rows[0].pupils).toBe(4);
	});

	it('takes its threshold as a setting and marks withheld cells as asked', () => {
		const rows = [{ pupils: 9, rate: 1 }, { pupils: 10, rate: 2 }];
		expect(suppressRows(rows, { pupils: 'pupils', cells: ['rate'] }, 10, 'c')).toEqual([{ pupils: 9, rate: 'c' }, { pupils: 10, rate: 2 }]);
		expect(suppressRows(rows, { pupils: 'pupils', cells: ['rate'] }, 1)).toEqual(rows);
	});

	it('withholds the next smallest group when one group of a breakdown is withheld', () => {
		const rows = [
			{ dim: 'sex', value: 'F', pupils: 3 },
			{ dim: 'sex', value: 'M', pupils: 40 },
			{ dim: 'fsm', value: 'FSM', pupils: 3 },
			{ dim: 'fsm', value: 'Not FSM', pupils: 30 },
			{ dim: 'fsm', value: 'Unknown', pupils: 10 }
		];
		const out = suppressRows(rows, { pupils: 'pupils', cells: ['pupils'], groupBy: ['dim'] });
		expect(out.map((r) => r.pupils)).toEqual([null, null, null, 30, null]);
	});

	it('withholds a persistent absence count on its own pupils, and a second one in its breakdown', () => {
		const rows = [
			{ value: 'A', pupils: 50, pa: 2, pa_percent: 4 },
			{ value: 'B', pupils: 60, pa: 7, pa_percent: 11.7 },
			{ value: 'C', pupils: 70, pa: 9, pa_percent: 12.9 },
			{ value: 'D', pupils: 3, pa: 0, pa_percent: 0 }
		];
		const out = suppressRows(rows, {
			pupils: 'pupils',
			cells: ['pupils'],
			groupBy: [],
			counts: [{ pupils: 'pa', cells: ['pa', 'pa_percent'] }]
		});
		// D's 3 pupils are withheld, and its count with them; A's 2 persistent absentees too. The pupils
		// line then has one withheld (D), so the smallest other group (A, 50) goes too: two in each line.
		expect(out.map((r) => [r.pupils, r.pa])).toEqual([[null, null], [60, 7], [70, 9], [null, null]]);
	});

	it('withholds a second reason when one reason of authorised absence is withheld', () => {
		const rows = [{ pupils: 100, auth: 60, illness: 50, illness_pupils: 40, medical: 8, medical_pupils: 3, religious: 2, religious_pupils: 2, other: 0, other_pupils: 0 }];
		const out = suppressRows(rows, {
			pupils: 'pupils',
			cells: ['pupils', 'auth'],
			counts: ['illness', 'medical', 'religious', 'other'].map((r) => ({ pupils: `${r}_pupils`, cells: [r], sumsTo: 'auth' }))
		});
		expect(out[0]).toMatchObject({ auth: 60, illness: 50, medical: null, religious: null, other: 0 });
		const one = suppressRows([{ ...rows[0], religious: 0, religious_pupils: 0, illness: 52 }], {
			pupils: 'pupils',
			cells: ['pupils', 'auth'],
			counts: ['illness', 'medical', 'religious', 'other'].map((r) => ({ pupils: `${r}_pupils`, cells: [r], sumsTo: 'auth' }))
		});
		// Medical alone withheld with only zeros beside it: illness goes too (a 0 protects nothing).
		expect(one[0]).toMatchObject({ auth: 60, illness: null, medical: null, religious: 0, other: 0 });
	});

	it('leaves no withheld value recoverable from its row and column totals (random tables)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 6 }).chain((cols) =>
					fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), { minLength: cols, maxLength: cols }), {
						minLength: 1,
						maxLength: 6
					})
				),
				fc.integer({ min: 1, max: 10 }),
				(grid, threshold) => {
					const table = crossedTable(grid);
					const out = suppressRows(table, crossedSpec, threshold);
					// Primary: every count from 1 to threshold - 1 is withheld; nothing else is changed.
					table.forEach((row, i) => {
						const n = row.pupils as number;
						if (n > 0 && n < threshold) expect(out[i].pupils).toBeNull();
						if (out[i].pupils !== null) expect(out[i].pupils).toBe(n);
					});
					// Secondary: no row or column (totals included) has exactly one withheld cell ...
					for (const line of lines(out)) expect(line.filter((row) => row.pupils === null).length).not.toBe(1);
					// ... so no chain of deductions from the totals gives a withheld value away.
					expect(recoverable(table, out)).toBe(false);
				}
			),
			{ numRuns: 500 }
		);
	});

	it("treats a school's Total row as the total of each of its breakdowns", () => {
		const rows = [
			{ school: 1, breakdown: 'Total', value: 'All pupils', pupils: 40 },
			{ school: 1, breakdown: 'Sex', value: 'Female', pupils: 38 },
			{ school: 1, breakdown: 'Sex', value: 'Male', pupils: 2 },
			{ school: 1, breakdown: 'FSM', value: 'FSM eligible', pupils: 10 },
			{ school: 1, breakdown: 'FSM', value: 'Not FSM eligible', pupils: 30 },
			{ school: 2, breakdown: 'Total', value: 'All pupils', pupils: 3 },
			{ school: 2, breakdown: 'Sex', value: 'Female', pupils: 3 }
		];
		const out = suppressRows(rows, {
			pupils: 'pupils',
			cells: ['pupils'],
			groupBy: ['school', 'breakdown'],
			totalRows: { column: 'breakdown', value: 'Total' }
		});
		// Male (2) withheld: Female would give it away from the Total, so Female goes (a part before the total).
		expect(out.map((r) => r.pupils)).toEqual([40, null, null, 10, 30, null, null]);
	});

	it('secondary suppression reaches a fixed point on overlapping sums', () => {
		// Two sums sharing unit 1: withholding 0 forces 1 (the smaller), which forces 3 in the second sum.
		const out = secondarySuppression([2, 5, 9, 7, 30], [true, false, false, false, false], [
			{ members: [0, 1, 2] },
			{ members: [1, 3], total: 4 }
		]);
		expect(out).toEqual([true, true, false, true, false]);
	});
});
