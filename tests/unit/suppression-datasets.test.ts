import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/lib/catalog/datasets';
import type { DatasetDefinition } from '../../src/lib/catalog/define';

type Dataset = DatasetDefinition & { columns: Record<string, unknown> };
const names = (d: Dataset) => Object.keys(d.columns);

// Every governors' suppression spec must name columns its dataset answers with: a misspelt column would
// leave a small number showing without any error.
const REGISTRIES: Record<string, Record<string, Dataset>> = {
	summary: DATASETS.summary,
	overview: DATASETS.overview,
	cohorts: DATASETS.cohorts,
	patterns: DATASETS.patterns,
	codes: DATASETS.codes
};

describe('suppression specs of the aggregate datasets', () => {
	for (const [view, datasets] of Object.entries(REGISTRIES))
		for (const [name, dataset] of Object.entries(datasets)) {
			const spec = dataset.suppress;
			if (typeof spec !== 'object') continue;
			it(`${view}/${name} names only columns it answers with`, () => {
				const named = [
					spec.pupils,
					...spec.cells,
					...(spec.groupBy ?? []),
					...(spec.alsoGroupBy ?? []).flat(),
					...(spec.counts ?? []).flatMap((c) => [c.pupils, ...c.cells])
				];
				expect(named.filter((c) => !names(dataset).includes(c))).toEqual([]);
				// the pupil counts themselves are withheld with what rests on them
				expect(spec.cells).toContain(spec.pupils);
				for (const c of spec.counts ?? []) expect(c.cells).toContain(c.pupils);
			});
		}

	it('covers every aggregate dataset whose rows carry a count of pupils', () => {
		const withPupils = Object.entries(REGISTRIES).flatMap(([view, datasets]) =>
			Object.entries(datasets)
				.filter(([, d]) => !d.pupilLevel && names(d).some((c) => /(^|_)pupils$/.test(c)))
				.map(([name, d]) => `${view}/${name}${d.suppress ? '' : ' (none)'}`)
		);
		expect(withPupils.filter((n) => n.endsWith('(none)'))).toEqual([]);
	});
});
