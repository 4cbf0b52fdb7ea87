import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImpact, type ImpactRow } from '../../src/lib/server/impact';
import { importFile } from '../../src/lib/server/ingest';
import { syntheticSchool, TRUE_EFFECT_A, URN, type SyntheticSchool } from './impact-school';
import { freshWarehouse, tempFile } from '../helpers/warehouse';

// The acceptance test of the impact estimate (issue 6), on the synthetic school of ./impact-school.ts:
// known daily absence chances with temporary spikes, interventions given when recent absence rises,
// type A cutting absence by a third, type B doing nothing. Pupils are picked on a spike, which falls
// back whatever is done: the naive before/after credits type B with an improvement; the
// comparison-group estimate must not, and must recover type A's effect.
// The marks and the log are written as a long register CSV and an interventions CSV and imported
// through the real importer into a real DuckDB file; the report is the one the CLI and the page run.

/** Builds the school for a seed, imports it into a fresh warehouse and runs the impact report. */
async function impactForSeed(seed: number): Promise<{ a: ImpactRow; b: ImpactRow; school: SyntheticSchool }> {
	const school = syntheticSchool(seed);
	const w = await freshWarehouse();
	const register = tempFile('register.csv', school.register);
	writeFileSync(join(register, '..', 'interventions.csv'), school.interventions);
	await importFile(w, register, { school: URN });
	await importFile(w, join(register, '..', 'interventions.csv'), { school: URN });
	const report = await runImpact(w);
	const a = report.rows.find((r) => r.type === 'Type A')!;
	const b = report.rows.find((r) => r.type === 'Type B')!;
	return { a, b, school };
}

describe('impact: a synthetic school with known effects (type A −1/3, type B none)', () => {
	it('naive credits the do-nothing type; the adjusted estimate puts it near zero and recovers type A', async () => {
		const { a, b, school } = await impactForSeed(1);
		expect(school.treated.A).toBeGreaterThan(60);
		expect(school.treated.B).toBeGreaterThan(60);
		// most treated pupils are in the estimate (enough days before and after)
		expect(b.pupils as number).toBeGreaterThan(school.treated.B * 0.9);

		// selection on the spike: the naive before/after shows a clear improvement for B, which did nothing
		expect(b.naive_relative as number).toBeLessThan(-0.15);
		// adjusted: B near zero, its interval covering zero
		expect(Math.abs(b.adjusted_relative as number)).toBeLessThan(0.1);
		expect(b.ci_low as number).toBeLessThan(0);
		expect(b.ci_high as number).toBeGreaterThan(0);
		// adjusted: A within ±0.1 of the true −1/3, its interval excluding zero
		expect(Math.abs((a.adjusted_relative as number) - TRUE_EFFECT_A)).toBeLessThan(0.1);
		expect(a.ci_high as number).toBeLessThan(0);
		expect(a.ci_low as number).toBeLessThan(a.adjusted_relative as number);
		// the comparison group is real pupils of the school, fewer than the school
		expect(b.comparison_pupils as number).toBeGreaterThan(20);
		expect(b.comparison_pupils as number).toBeLessThan(700);
	});
});

// The error over several seeds, for the closing note: IMPACT_SEEDS=5 npx vitest run tests/integration/impact-synthetic.test.ts
describe.skipIf(!process.env.IMPACT_SEEDS)('impact: error over seeds', () => {
	it('prints the estimates and errors for each seed', async () => {
		const n = Number(process.env.IMPACT_SEEDS);
		const lines: string[] = [];
		const errors = { a: [] as number[], b: [] as number[], naiveB: [] as number[] };
		for (let seed = 1; seed <= n; seed++) {
			const { a, b } = await impactForSeed(seed);
			errors.a.push((a.adjusted_relative as number) - TRUE_EFFECT_A);
			errors.b.push(b.adjusted_relative as number);
			errors.naiveB.push(b.naive_relative as number);
			lines.push(
				`seed ${seed}: A n=${a.pupils} naive ${a.naive_relative} matched ${a.matched_relative} adjusted ${a.adjusted_relative} [${a.ci_low}, ${a.ci_high}]` +
					` | B n=${b.pupils} naive ${b.naive_relative} matched ${b.matched_relative} adjusted ${b.adjusted_relative} [${b.ci_low}, ${b.ci_high}]`
			);
		}
		const rms = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length);
		const avg = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
		lines.push(`A: mean error ${avg(errors.a).toFixed(3)}, RMS error ${rms(errors.a).toFixed(3)}, max |error| ${Math.max(...errors.a.map(Math.abs)).toFixed(3)}`);
		lines.push(`B: mean error ${avg(errors.b).toFixed(3)}, RMS error ${rms(errors.b).toFixed(3)}, max |error| ${Math.max(...errors.b.map(Math.abs)).toFixed(3)}; naive B mean ${avg(errors.naiveB).toFixed(3)}`);
		console.log(lines.join('\n'));
	}, 600_000);
});
